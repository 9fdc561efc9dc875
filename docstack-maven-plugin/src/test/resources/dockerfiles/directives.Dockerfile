# syntax=docker/dockerfile:1
# check=skip=all
# unknown=directive
# escape=`
FROM debian:bookworm-slim
RUN echo continued \
    line
