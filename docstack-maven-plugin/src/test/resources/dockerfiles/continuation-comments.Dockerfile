FROM debian:bookworm-slim
RUN apt-get update \
# a comment inside the continuation is dropped
    && apt-get install -y \

       curl \
    && rm -rf /var/lib/apt/lists/*
  # an indented comment
	RUN echo tab-indented
RUN echo trailing-blanks-after-escape \   
    done
