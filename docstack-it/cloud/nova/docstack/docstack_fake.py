"""nova's fake virt driver, with the two things tempest asks of a host that the fake leaves out: a snapshot that
uploads an image (a small empty raw disk, as there is no real one), and the host's uptime."""
import io
import time

from nova.image import glance
from nova.virt import fake


class DocstackFakeDriver(fake.SmallFakeDriver):

    def snapshot(self, context, instance, image_id, update_task_state):
        super().snapshot(context, instance, image_id, update_task_state)
        glance.API().update(context, image_id, {"disk_format": "raw", "container_format": "bare"},
                            data=io.BytesIO(b"\0" * 1024), purge_props=False)

    def get_host_uptime(self):
        # The shape of uptime(1), which the libvirt driver returns.
        with open("/proc/uptime") as uptime, open("/proc/loadavg") as loadavg:
            seconds = int(float(uptime.read().split()[0]))
            load = loadavg.read().split()[:3]
        return " %s up %d days, %d:%02d,  0 users,  load average: %s" % (
            time.strftime("%H:%M:%S"), seconds // 86400, seconds % 86400 // 3600, seconds % 3600 // 60, ", ".join(load))
