# escape=`

FROM debian:bookworm-slim
RUN echo a `
    b > /out
ENV WINPATH=C:\Temp
ENTRYPOINT ["sh", "-c"]
HEALTHCHECK CMD test -f /out
CMD echo `
  hi
