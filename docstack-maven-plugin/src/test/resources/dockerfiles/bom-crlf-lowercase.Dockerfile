from debian:bookworm-slim
run echo crlf \
    continued
cmd ["true"]
