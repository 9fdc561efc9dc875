# docstack's settings for horizon, read after Debian's local_settings.py: keystone's address comes from the
# environment docstack hands in (OS_AUTH_URL, from the identity capability), horizon is served at /, and the
# server side talks to every service on its internal endpoint, on the stack network.
import os

WEBROOT = '/'
LOGIN_URL = '/auth/login/'
LOGOUT_URL = '/auth/logout/'
LOGIN_REDIRECT_URL = '/'
STATIC_URL = '/static/'
ALLOWED_HOSTS = ['*']
OPENSTACK_KEYSTONE_URL = os.environ.get('OS_AUTH_URL', 'http://keystone:5000/v3')
OPENSTACK_ENDPOINT_TYPE = 'internalURL'
OPENSTACK_KEYSTONE_DEFAULT_ROLE = 'member'
# Sessions in a signed cookie: both uwsgi processes read them, nothing to share between them.
SESSION_ENGINE = 'django.contrib.sessions.backends.signed_cookies'
COMPRESS_OFFLINE = True
