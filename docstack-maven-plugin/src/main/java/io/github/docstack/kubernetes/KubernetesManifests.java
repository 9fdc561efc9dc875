package io.github.docstack.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.github.docstack.engine.ContainerSpec;
import io.github.docstack.stack.Deployment;
import io.github.docstack.stack.StackLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deployment as Kubernetes objects: per service a Deployment (a StatefulSet where it mounts a volume) and a headless
 * Service of its name, so the name resolves to the pod as it does to the container on one engine; each one-shot
 * step a Job; each wait an init container that waits for those Jobs and for the ready endpoints of those Services
 * (OpenStack-Helm's kubernetes-entrypoint); the secrets one Secret; each volume a PersistentVolumeClaim.
 */
public final class KubernetesManifests {

    /** The image OpenStack-Helm runs its dependency checks with. */
    public static final String DEFAULT_WAIT_IMAGE = "quay.io/airshipit/kubernetes-entrypoint:v1.0.0";

    public static final String DEFAULT_VOLUME_SIZE = "1Gi";

    /**
     * What to write: the objects, and apart from them the Secret (its values are the stack's secrets).
     *
     * @param verifications a Job per acceptance test, which verify runs once the stack is up
     * @param unmapped      what of the deployment has no Kubernetes form, one line each
     */
    public record Manifests(
            List<HasMetadata> objects, Secret secret, List<HasMetadata> verifications, List<String> unmapped) {}

    /**
     * What the export needs beyond the deployment.
     *
     * @param waitImage  the image of the init containers that wait
     * @param volumeSize each claim's request
     */
    public record Options(String waitImage, String volumeSize) {

        public static Options defaults() {
            return new Options(DEFAULT_WAIT_IMAGE, DEFAULT_VOLUME_SIZE);
        }
    }

    private final Deployment deployment;
    private final Map<String, String> secretValues;
    private final Options options;
    private final Map<String, Deployment.Unit> units = new LinkedHashMap<>();
    private final List<String> unmapped = new ArrayList<>();

    private KubernetesManifests(Deployment deployment, Map<String, String> secretValues, Options options) {
        this.deployment = deployment;
        this.secretValues = secretValues;
        this.options = options;
        deployment.units().forEach(unit -> units.put(unit.id(), unit));
    }

    /**
     * The deployment's objects, built with the typed model.
     *
     * @param secretValues each secret's variable ({@link io.github.docstack.stack.SecretKeys#variable}) and value
     */
    public static Manifests of(Deployment deployment, Map<String, String> secretValues, Options options) {
        return new KubernetesManifests(deployment, secretValues, options).build();
    }

    private Manifests build() {
        List<HasMetadata> objects = new ArrayList<>(waitPermissions());
        for (Deployment.Volume volume : deployment.volumes()) {
            objects.add(new PersistentVolumeClaimBuilder()
                    .withMetadata(metadata(KubernetesNames.of(volume.name()), Map.of()))
                    .withNewSpec()
                    .withAccessModes("ReadWriteOnce")
                    .withNewResources()
                    .addToRequests("storage", new Quantity(options.volumeSize()))
                    .endResources()
                    .endSpec()
                    .build());
        }
        for (Deployment.Unit unit : deployment.units()) {
            objects.addAll(unit.kind() == Deployment.Kind.SERVICE ? service(unit) : List.of(job(unit)));
        }
        List<HasMetadata> verifications =
                deployment.verifications().stream().map(this::verification).toList();
        Secret secret = new SecretBuilder()
                .withMetadata(metadata(secretName(), Map.of()))
                .withType("Opaque")
                .withStringData(new TreeMap<>(secretValues))
                .build();
        return new Manifests(objects, secret, verifications, List.copyOf(unmapped));
    }

    /** A headless Service answering to the service's name, and the workload that runs it. */
    private List<HasMetadata> service(Deployment.Unit unit) {
        String name = KubernetesNames.of(unit.id());
        Map<String, String> selector = selector(unit);
        ServiceBuilder service = new ServiceBuilder().withMetadata(metadata(name, labels(unit)));
        var spec = service.withNewSpec().withClusterIP("None").withSelector(selector);
        new TreeSet<>(unit.spec().ports().keySet())
                .forEach(port -> spec.addToPorts(new ServicePortBuilder()
                        .withName("tcp-" + port)
                        .withProtocol("TCP")
                        .withPort(port)
                        .withTargetPort(new IntOrString(port))
                        .build()));
        spec.endSpec();
        PodTemplateSpec template = template(unit, "Always");
        HasMetadata workload = unit.spec().volumes().isEmpty()
                ? new DeploymentBuilder()
                        .withMetadata(metadata(name, labels(unit)))
                        .withNewSpec()
                        .withReplicas(1)
                        .withNewSelector()
                        .withMatchLabels(selector)
                        .endSelector()
                        // One at a time, as on one engine: the old pod lets go of the name (and its data) first.
                        .withNewStrategy()
                        .withType("Recreate")
                        .endStrategy()
                        .withTemplate(template)
                        .endSpec()
                        .build()
                : new StatefulSetBuilder()
                        .withMetadata(metadata(name, labels(unit)))
                        .withNewSpec()
                        .withReplicas(1)
                        .withServiceName(name)
                        .withNewSelector()
                        .withMatchLabels(selector)
                        .endSelector()
                        .withTemplate(template)
                        .endSpec()
                        .build();
        return List.of(service.build(), workload);
    }

    /** A provision or init step: a Job that runs once, and fails rather than runs again, as on one engine. */
    private HasMetadata job(Deployment.Unit unit) {
        return new JobBuilder()
                .withMetadata(metadata(KubernetesNames.of(unit.id()), labels(unit)))
                .withNewSpec()
                .withBackoffLimit(0)
                .withTemplate(template(unit, "Never"))
                .endSpec()
                .build();
    }

    /** An acceptance test: a Job that waits for every service of the stack. */
    private HasMetadata verification(Deployment.Verification verification) {
        Set<String> services = new TreeSet<>();
        deployment.units(Deployment.Kind.SERVICE).forEach(unit -> services.add(unit.id()));
        Deployment.Unit unit = new Deployment.Unit(
                verification.id(),
                verification.project(),
                Deployment.Kind.VERIFY,
                verification.spec(),
                services,
                null,
                "",
                Map.of());
        if (verification.reports() != null) {
            unmapped.add(verification.id() + ": its JUnit reports stay in the Job's pod (" + verification.reports()
                    + "); copy them out with kubectl cp before the pod is removed");
        }
        return job(unit);
    }

    private PodTemplateSpec template(Deployment.Unit unit, String restartPolicy) {
        ContainerSpec spec = unit.spec();
        PodSpecBuilder pod = new PodSpecBuilder()
                .withRestartPolicy(restartPolicy)
                .withContainers(PodContainer.of(unit, new SecretReferences(secretValues), secretName(), unmapped));
        Container wait = waitFor(unit.after());
        if (wait != null) {
            pod.withServiceAccountName(waitAccount()).withInitContainers(wait);
        }
        new TreeMap<>(spec.volumes())
                .keySet()
                .forEach(volume -> pod.addToVolumes(new VolumeBuilder()
                        .withName(KubernetesNames.of(volume))
                        .withNewPersistentVolumeClaim()
                        .withClaimName(KubernetesNames.of(volume))
                        .endPersistentVolumeClaim()
                        .build()));
        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(labels(unit))
                .withAnnotations(
                        unit.configHash().isEmpty() ? Map.of() : Map.of(StackLabels.CONFIG_HASH, unit.configHash()))
                .endMetadata()
                .withSpec(pod.build())
                .build();
    }

    /**
     * The init container that holds a pod back until the units it comes after are done: Services with a ready
     * endpoint (kube-proxy and DNS serve only ready pods, so a healthcheck gates as on one engine), Jobs complete.
     */
    private Container waitFor(Set<String> after) {
        if (after.isEmpty()) {
            return null;
        }
        List<String> services = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        for (String id : new TreeSet<>(after)) {
            (units.get(id).kind() == Deployment.Kind.SERVICE ? services : jobs).add(KubernetesNames.of(id));
        }
        return new ContainerBuilder()
                .withName("wait")
                .withImage(options.waitImage())
                .withImagePullPolicy("IfNotPresent")
                .withEnv(
                        field("POD_NAME", "metadata.name"),
                        field("NAMESPACE", "metadata.namespace"),
                        value("INTERFACE_NAME", "eth0"),
                        value("DEPENDENCY_SERVICE", String.join(",", services)),
                        value("DEPENDENCY_JOBS", String.join(",", jobs)),
                        value("COMMAND", "echo done"))
                .build();
    }

    /** The wait containers read Services, their endpoints and Jobs: an account that may, and no more. */
    private List<HasMetadata> waitPermissions() {
        String name = waitAccount();
        return List.of(
                new ServiceAccountBuilder()
                        .withMetadata(metadata(name, Map.of()))
                        .build(),
                new RoleBuilder()
                        .withMetadata(metadata(name, Map.of()))
                        .withRules(
                                new PolicyRuleBuilder()
                                        .withApiGroups("")
                                        .withResources("services", "endpoints", "pods")
                                        .withVerbs("get", "list")
                                        .build(),
                                new PolicyRuleBuilder()
                                        .withApiGroups("batch")
                                        .withResources("jobs")
                                        .withVerbs("get", "list")
                                        .build())
                        .build(),
                new RoleBindingBuilder()
                        .withMetadata(metadata(name, Map.of()))
                        .withNewRoleRef()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("Role")
                        .withName(name)
                        .endRoleRef()
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withName(name)
                        .endSubject()
                        .build());
    }

    private String waitAccount() {
        return KubernetesNames.of(deployment.stack() + "-wait");
    }

    private String secretName() {
        return KubernetesNames.of(deployment.stack() + "-secrets");
    }

    private ObjectMeta metadata(String name, Map<String, String> unitLabels) {
        Map<String, String> labels = new TreeMap<>(unitLabels);
        labels.put(StackLabels.STACK, deployment.stack());
        labels.put("app.kubernetes.io/part-of", deployment.stack());
        labels.put("app.kubernetes.io/managed-by", "docstack");
        return new ObjectMetaBuilder().withName(name).withLabels(labels).build();
    }

    private Map<String, String> labels(Deployment.Unit unit) {
        Map<String, String> labels = new TreeMap<>(selector(unit));
        labels.put(StackLabels.PROJECT, unit.project());
        labels.put(StackLabels.KIND, unit.kind().label());
        labels.put("app.kubernetes.io/name", unit.project());
        return labels;
    }

    /** What picks a unit's pods: its stack and its id (as a label value, which has the form of a name). */
    private Map<String, String> selector(Deployment.Unit unit) {
        return Map.of(StackLabels.STACK, deployment.stack(), StackLabels.UNIT, KubernetesNames.of(unit.id()));
    }

    private static EnvVar value(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static EnvVar field(String name, String path) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath(path)
                .endFieldRef()
                .endValueFrom()
                .build();
    }
}
