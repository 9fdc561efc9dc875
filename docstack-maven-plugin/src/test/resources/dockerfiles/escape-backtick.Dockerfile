# escape=`

FROM debian:bookworm-slim
COPY data\config.ini /etc/app/
RUN echo one `
    two
ENV WINPATH=C:\Temp
