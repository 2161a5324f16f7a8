package preview

import (
	"net"
	"slices"
	"testing"
)

func TestPageURLs(t *testing.T) {
	addrs := func() ([]net.Addr, error) {
		var out []net.Addr
		for _, s := range []string{"127.0.0.1/8", "192.168.1.20/24", "::1/128", "fe80::1/64", "2001:db8::5/64"} {
			ip, n, _ := net.ParseCIDR(s)
			out = append(out, &net.IPNet{IP: ip, Mask: n.Mask})
		}
		return out, nil
	}
	for _, c := range []struct {
		addr *net.TCPAddr
		want []string
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, []string{"http://127.0.0.1:8080/"}},
		{&net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 80}, []string{"http://192.168.1.20:80/"}},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, []string{"http://localhost:8080/", "http://192.168.1.20:8080/", "http://[2001:db8::5]:8080/"}},
		{&net.TCPAddr{IP: net.IPv6unspecified, Port: 9}, []string{"http://localhost:9/", "http://192.168.1.20:9/", "http://[2001:db8::5]:9/"}},
	} {
		if got := pageURLs(c.addr, addrs); !slices.Equal(got, c.want) {
			t.Errorf("%v: %q, want %q", c.addr, got, c.want)
		}
	}
}
