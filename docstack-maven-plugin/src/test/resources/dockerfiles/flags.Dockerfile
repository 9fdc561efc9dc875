FROM --platform=linux/amd64 debian:bookworm-slim AS build
RUN --mount=type=cache,target=/var/cache/apt --network=none echo hi
COPY --from=build --chown=app:app --chmod=755 --link /a /b
ADD --checksum=sha256:abc https://example.org/x.tar.gz /x.tar.gz
