package io.github.docstack.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.engine.Healthcheck;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.Readiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The container of a unit's pod: the engine's container spec in Kubernetes' words. */
final class PodContainer {

    private static final Pattern NUMERIC_USER = Pattern.compile("(\\d+)(?::(\\d+))?");

    private PodContainer() {}

    static Container of(Deployment.Unit unit, SecretReferences secrets, String secretName, List<String> unmapped) {
        ContainerSpec spec = unit.spec();
        // An entrypoint replaces the image's, a command its CMD: Kubernetes' command and args, the same rule.
        ContainerBuilder container = new ContainerBuilder()
                .withName(KubernetesNames.of(unit.id()))
                .withImage(spec.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand(secrets.expanded(spec.entrypoint()))
                .withArgs(secrets.expanded(spec.command()))
                .withWorkingDir(spec.workingDir());
        List<EnvVar> environment = new ArrayList<>();
        spec.environment()
                .forEach((name, value) -> environment.add(new EnvVarBuilder()
                        .withName(name)
                        .withValue(secrets.expanded(value))
                        .build()));
        new TreeSet<>(spec.ports().keySet())
                .forEach(port -> container.addToPorts(new ContainerPortBuilder()
                        .withContainerPort(port)
                        .withProtocol("TCP")
                        .build()));
        new TreeMap<>(spec.volumes())
                .forEach((volume, path) -> container.addToVolumeMounts(new VolumeMountBuilder()
                        .withName(KubernetesNames.of(volume))
                        .withMountPath(path)
                        .build()));
        if (unit.readiness() != null) {
            Healthcheck check = spec.healthcheck();
            container
                    .withStartupProbe(startup(unit.readiness(), check, secrets))
                    .withReadinessProbe(steady(unit.readiness(), check, secrets));
        }
        securityContext(unit, spec, container, unmapped);
        // Secrets first: Kubernetes expands $(VARIABLE) only from variables defined before the one that refers to it.
        List<EnvVar> variables = new ArrayList<>();
        secrets.used()
                .forEach(variable -> variables.add(new EnvVarBuilder()
                        .withName(variable)
                        .withNewValueFrom()
                        .withNewSecretKeyRef()
                        .withName(secretName)
                        .withKey(variable)
                        .endSecretKeyRef()
                        .endValueFrom()
                        .build()));
        variables.addAll(environment);
        return container.withEnv(variables).build();
    }

    /**
     * While the service starts: docstack's fast readiness interval, for as long as the healthcheck's start period
     * (during which the engine does not count failures either).
     */
    private static Probe startup(Readiness readiness, Healthcheck check, SecretReferences secrets) {
        Duration startPeriod = check != null ? check.startPeriod() : Healthcheck.DEFAULT_START_PERIOD;
        int period = seconds(readiness.interval());
        int failures = Math.max(1, (int) Math.ceil(startPeriod.toMillis() / (period * 1000.0)));
        return probe(
                readiness,
                secrets,
                period,
                Math.max(failures, check != null ? check.retries() : Healthcheck.DEFAULT_RETRIES));
    }

    /** Once it is up: the engine's slow interval and its retries, so a quiet stack stays quiet. */
    private static Probe steady(Readiness readiness, Healthcheck check, SecretReferences secrets) {
        return probe(
                readiness,
                secrets,
                seconds(check != null ? check.interval() : Healthcheck.DEFAULT_INTERVAL),
                check != null ? check.retries() : Healthcheck.DEFAULT_RETRIES);
    }

    private static Probe probe(Readiness readiness, SecretReferences secrets, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewExec()
                .withCommand(secrets.probe(readiness.command()))
                .endExec()
                .withPeriodSeconds(periodSeconds)
                .withTimeoutSeconds(seconds(readiness.timeout()))
                .withFailureThreshold(failureThreshold)
                .build();
    }

    /** Kubernetes counts whole seconds, at least one. */
    private static int seconds(Duration duration) {
        return (int) Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static void securityContext(
            Deployment.Unit unit, ContainerSpec spec, ContainerBuilder container, List<String> unmapped) {
        Long user = null;
        Long group = null;
        if (spec.user() != null) {
            Matcher numeric = NUMERIC_USER.matcher(spec.user());
            if (numeric.matches()) {
                user = Long.valueOf(numeric.group(1));
                group = numeric.group(2) != null ? Long.valueOf(numeric.group(2)) : null;
            } else {
                unmapped.add(unit.id() + ": user " + spec.user() + " is a name, and Kubernetes takes only a number"
                        + " (runAsUser); the container runs as its image's user");
            }
        }
        if (user == null && spec.capAdd().isEmpty()) {
            return;
        }
        var context = container.withNewSecurityContext().withRunAsUser(user).withRunAsGroup(group);
        if (!spec.capAdd().isEmpty()) {
            context.withNewCapabilities().withAdd(spec.capAdd()).endCapabilities();
        }
        context.endSecurityContext();
    }
}
