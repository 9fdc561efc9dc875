FROM debian:bookworm-slim
ENV A=1 B="two words" C=three\ words
ENV LEGACY value with spaces
LABEL "org.example.key"="a value" other=x
EXPOSE 80/tcp 9292 5000-5002
USER app:app
WORKDIR /srv/app
STOPSIGNAL SIGTERM
