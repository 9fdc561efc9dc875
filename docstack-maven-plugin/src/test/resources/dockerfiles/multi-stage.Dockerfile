FROM debian:bookworm-slim AS Build
RUN echo build > /out
FROM build as second
FROM debian:bookworm-slim
COPY --from=0 /out /out
COPY --from=second /out /again
