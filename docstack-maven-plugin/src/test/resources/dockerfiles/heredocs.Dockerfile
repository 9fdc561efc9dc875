FROM debian:bookworm-slim
RUN <<EOF
echo one
echo two
EOF
COPY <<-"EOT" /etc/motd
		literal $HOME
	EOT
RUN <<A cat - && <<B cat -
first
A
second
B
CMD ["true"]
