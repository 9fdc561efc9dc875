FROM debian
# docstack:ignore base-image-unpinned, runs-as-root
FROM debian:latest
# docstack:ignore add-url

ADD https://example.org/file /file
