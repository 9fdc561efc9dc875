FROM debian:bookworm-slim
RUN echo one \
# a comment inside the continuation
    two \

    three > /out
ENV A=1 \
    B="two words" C=three\ words
ENV LEGACY value with  spaces
LABEL "org.example.a"="x y" \
      org.example.b=z
EXPOSE 8080 9292/tcp
WORKDIR /srv/app
USER nobody
HEALTHCHECK --interval=5s CMD ["true"]
CMD ['not', 'json']
