# A minimal HTTP client for the stack tests' scripts: http_get(URL) and http_put(URL) return (status, body).
use strict;
use warnings;
use IO::Socket::INET;

sub http_request {
    my ($method, $url) = @_;
    my ($host, $port, $path) = $url =~ m{^http://([^:/]+):(\d+)(/.*)$} or die "not a URL: $url\n";
    my $socket = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port, Timeout => 5) or return (0, "cannot connect to $host:$port\n");
    print $socket "$method $path HTTP/1.0\r\nHost: $host\r\nContent-Length: 0\r\n\r\n";
    my $status_line = <$socket> // '';
    my ($status) = $status_line =~ m{^HTTP/\S+ (\d+)};
    while (my $line = <$socket>) {
        last if $line =~ /^\r?\n$/;
    }
    local $/;
    my $body = <$socket> // '';
    return ($status // 0, $body);
}

sub http_get { return http_request('GET', @_); }
sub http_put { return http_request('PUT', @_); }
1;
