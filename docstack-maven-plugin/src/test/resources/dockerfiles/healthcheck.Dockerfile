FROM debian:bookworm-slim
HEALTHCHECK --interval=1s --timeout=3s --retries=30 CMD ["curl", "-fsS", "http://localhost:9292/"]
HEALTHCHECK cmd curl -f http://localhost/ || exit 1
HEALTHCHECK NONE
