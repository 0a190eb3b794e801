package config_test

import (
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/config"
)

// TestDefaultIsTheFile: the built-in settings are what defaults.yaml says, decoded once, with
// nothing left at Go's zero value that the file sets.
func TestDefaultIsTheFile(t *testing.T) {
	d := config.Default()
	tests := []struct {
		name      string
		got, want any
	}{
		{"check.format", d.Check.Format, "text"},
		{"check.fail_on", d.Check.FailOn, "low"},
		{"check.input_format", d.Check.InputFormat, "auto"},
		{"limits.max_depth", d.Limits.MaxDepth, 32},
		{"limits.max_values", d.Limits.MaxValues, 100000},
		{"limits.event_timeout", d.Limits.EventTimeout, 5 * time.Second},
		{"serve.addr", d.Serve.Addr, "127.0.0.1:8480"},
		{"serve.watch", d.Serve.Watch, true},
		{"serve.max_inflight_bytes", d.Serve.MaxInflightBytes, int64(128 << 20)},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v (config/defaults.yaml)", tt.name, tt.got, tt.want)
		}
	}
	if got := config.DefaultLimits(); got.MaxFileBytes != d.Limits.MaxFileBytes || got.MaxString != d.Limits.MaxString {
		t.Errorf("DefaultLimits %+v differ from the settings %+v", got, d.Limits)
	}
}
