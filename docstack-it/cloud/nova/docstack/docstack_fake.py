"""nova's fake virt driver, with what tempest asks of a host that the fake leaves out: a snapshot that uploads an
image (a small empty raw disk, as there is no real one), the host's uptime, a console log longer than three lines,
and, where the network node is OVN's, each server's ports plugged into the host's integration bridge, so that OVN binds
them and neutron reports them ACTIVE, as a hypervisor's would be."""
import inspect
import io
import subprocess
import time

from nova.image import glance
from nova.virt import fake

try:
    from nova.virt import node as node_identity  # 2023.1 on
except ImportError:
    node_identity = None

# The network node's Open vSwitch database (neutron-network-node), where neutron runs ML2/OVN; with linuxbridge
# nothing answers there, and nothing is plugged.
OVSDB = "tcp:neutron-agents:6640"


def _ovs(*args):
    try:
        return subprocess.run(["ovs-vsctl", "--db=" + OVSDB, "--timeout=10", *args], capture_output=True,
                              text=True, timeout=15).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _device(vif):
    # As nova names a guest's tap: "tap" and the port's id, within the 15 characters of a Linux interface name.
    return ("tap" + vif["id"])[:14]


def plug(vif):
    _ovs("--may-exist", "add-port", "br-int", _device(vif), "--", "set", "Interface", _device(vif), "type=internal",
         "external_ids:iface-id=" + vif["id"], "external_ids:attached-mac=" + vif["address"],
         "external_ids:iface-status=active")


def unplug(vif):
    _ovs("--if-exists", "del-port", "br-int", _device(vif))


# Written once nova-compute reports its resources, which it does only after its host's checks passed (init_host):
# the start time of this process, so nova-compute-ready knows this run of it got that far, not an earlier one.
STARTED = "/run/docstack-compute-started"


def _mark_started():
    with open("/proc/self/stat") as stat:
        started = stat.read().rsplit(")", 1)[1].split()[19]  # field 22, starttime
    try:
        with open(STARTED) as mark:
            if mark.read() == started:
                return
    except OSError:
        pass
    with open(STARTED, "w") as mark:
        mark.write(started)


class DocstackFakeDriver(fake.SmallFakeDriver):

    # nova-compute refuses to start again without its node's identity in its state directory (compute_id, 2023.1 on),
    # and the fake's nodes get a new UUID in every process. As a real driver (and nova's FakeDriverWithoutFakeNodes),
    # the node's UUID is that identity, kept in the directory that is a volume: a recreated container is the same node.
    def get_available_resource(self, nodename):
        resources = super().get_available_resource(nodename)
        if node_identity is not None:
            resources["uuid"] = node_identity.get_local_node_uuid()
        _mark_started()
        return resources

    def get_nodenames_by_uuid(self, refresh=False):
        if node_identity is None:
            return super().get_nodenames_by_uuid(refresh)
        return {node_identity.get_local_node_uuid(): self.get_available_nodes()[0]}

    def spawn(self, context, instance, *args, **kwargs):
        super().spawn(context, instance, *args, **kwargs)
        network_info = inspect.signature(fake.FakeDriver.spawn).bind(
            self, context, instance, *args, **kwargs).arguments.get("network_info")
        for vif in network_info or []:
            plug(vif)

    def plug_vifs(self, instance, network_info):
        super().plug_vifs(instance, network_info)
        for vif in network_info or []:
            plug(vif)

    def destroy(self, context, instance, network_info, *args, **kwargs):
        super().destroy(context, instance, network_info, *args, **kwargs)
        for vif in network_info or []:
            unplug(vif)

    def attach_interface(self, context, instance, image_meta, vif):
        super().attach_interface(context, instance, image_meta, vif)
        plug(vif)

    def detach_interface(self, context, instance, vif):
        super().detach_interface(context, instance, vif)
        unplug(vif)

    def snapshot(self, context, instance, image_id, update_task_state):
        super().snapshot(context, instance, image_id, update_task_state)
        glance.API().update(context, image_id, {"disk_format": "raw", "container_format": "bare"},
                            data=io.BytesIO(b"\0" * 1024), purge_props=False)

    def get_console_output(self, context, instance):
        # The first lines of a guest's serial console; the fake's three lines are fewer than tempest's unlimited
        # console-output test asks for.
        return "\n".join([
            "[    0.000000] Linux version 6.1.0 (docstack fake guest)",
            "[    0.000000] Command line: console=ttyS0",
            "[    0.512000] Run /sbin/init as init process",
            "Starting network: udhcpc: lease obtained",
            "",
            "%s login: " % instance.hostname,
        ])

    def get_host_uptime(self):
        # The shape of uptime(1), which the libvirt driver returns.
        with open("/proc/uptime") as uptime, open("/proc/loadavg") as loadavg:
            seconds = int(float(uptime.read().split()[0]))
            load = loadavg.read().split()[:3]
        return " %s up %d days, %d:%02d,  0 users,  load average: %s" % (
            time.strftime("%H:%M:%S"), seconds // 86400, seconds % 86400 // 3600, seconds % 3600 // 60, ", ".join(load))
