"""nova's fake virt driver, with what tempest asks of a host that the fake leaves out: a snapshot that uploads an
image (a small empty raw disk, as there is no real one), the host's uptime, and a console log longer than three
lines."""
import io
import time

from nova.image import glance
from nova.virt import fake


class DocstackFakeDriver(fake.SmallFakeDriver):

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
