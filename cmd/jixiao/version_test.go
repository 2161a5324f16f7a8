package main

import (
	"runtime/debug"
	"testing"
)

func TestStampOf(t *testing.T) {
	vcs := func(main string, kv ...string) *debug.BuildInfo {
		info := &debug.BuildInfo{Main: debug.Module{Path: "jixiao", Version: main}}
		for i := 0; i < len(kv); i += 2 {
			info.Settings = append(info.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return info
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	for _, c := range []struct {
		name                  string
		version, commit, date string
		info                  *debug.BuildInfo
		want                  string
	}{
		{"release build", "v1.2.0", rev, "2026-12-01T15:00:00Z", vcs("(devel)"),
			"v1.2.0 (commit " + rev + ", 2026-12-01T15:00:00Z)"},
		{"release build, build info too", "v1.2.0", "abc", "2026-12-01T15:00:00Z", vcs("v0.0.0-x", "vcs.revision", rev, "vcs.time", "2020-01-01T00:00:00Z"),
			"v1.2.0 (commit abc, 2026-12-01T15:00:00Z)"},
		{"go install @version", "", "", "", vcs("v1.3.0"), "v1.3.0"},
		{"go build in a checkout", "", "", "", vcs("(devel)", "vcs.revision", rev, "vcs.time", "2026-11-30T08:00:00Z", "vcs.modified", "true"),
			"dev-0123456789ab-dirty (commit " + rev + ", 2026-11-30T08:00:00Z)"},
		{"go run", "", "", "", vcs("(devel)"), "dev"},
		{"no build info", "", "", "", nil, "dev"},
	} {
		if got := stampOf(c.version, c.commit, c.date, c.info).String(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
