FROM debian:bookworm-slim
CMD ['single', 'quotes']
ENTRYPOINT ["a", 1]
RUN ["echo", "x"] trailing
SHELL ["/bin/bash", "-c"]
RUN [ "echo", "spaced" ]
COPY ["with space.txt", "/dst/"]
VOLUME ["/data"]
