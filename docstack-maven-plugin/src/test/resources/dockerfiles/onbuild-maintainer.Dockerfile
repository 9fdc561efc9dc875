FROM debian:bookworm-slim
MAINTAINER someone@example.org
ONBUILD RUN echo later
ONBUILD COPY . /app
