FROM debian:bookworm-slim
# An escaped escape at the end of a line is a literal backslash, not a continuation (as BuildKit reads it).
RUN echo one \\
CMD ["echo", "two"]
