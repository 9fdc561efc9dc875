FROM debian:bookworm-slim
RUN echo one \\
RUN echo two
RUN echo three \
    continued
ENV EMPTY=
ENV NAME
