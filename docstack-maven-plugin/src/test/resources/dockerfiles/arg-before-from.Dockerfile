ARG BASE=debian
ARG TAG="bookworm-slim"
ARG UNUSED
FROM ${BASE}:${TAG} AS base
FROM $BASE:${MISSING:-bookworm}
FROM ${BASE}:${TAG:+stable}
ARG LATE=1
