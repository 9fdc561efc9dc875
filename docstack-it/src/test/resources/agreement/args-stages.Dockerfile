ARG BASE=debian
ARG TAG="bookworm-slim"
FROM ${BASE}:${TAG} AS first
RUN echo first > /f
from $BASE:${TAG:-nope}
COPY --from=FIRST /f /f
SHELL ["/bin/bash", "-c"]
ENTRYPOINT ["echo", "1"]
CMD [ "echo", "exec form" ]
