package events

import (
	"os"
	"testing"

	"gopkg.in/yaml.v3"
)

// DefaultLimits are the built-in limits, read from config/defaults.yaml, the one place they are
// written (the config package, which provides them to everyone else, imports this one).
var DefaultLimits = func() Limits {
	data, err := os.ReadFile("../../config/defaults.yaml")
	if err != nil {
		panic(err)
	}
	var d struct {
		Limits struct {
			MaxFileBytes  int64 `yaml:"max_file_bytes"`
			MaxEventBytes int   `yaml:"max_event_bytes"`
			MaxDepth      int   `yaml:"max_depth"`
			MaxValues     int   `yaml:"max_values"`
			MaxEvents     int   `yaml:"max_events"`
			MaxString     int   `yaml:"max_string_bytes"`
		} `yaml:"limits"`
	}
	if err := yaml.Unmarshal(data, &d); err != nil {
		panic(err)
	}
	l := d.Limits
	return Limits{MaxFileBytes: l.MaxFileBytes, MaxEventBytes: l.MaxEventBytes, MaxDepth: l.MaxDepth,
		MaxValues: l.MaxValues, MaxEvents: l.MaxEvents, MaxString: l.MaxString}
}()

func TestDefaultLimitsAreRead(t *testing.T) {
	if DefaultLimits.MaxDepth == 0 || DefaultLimits.MaxValues == 0 || DefaultLimits.MaxFileBytes == 0 {
		t.Fatalf("limits not read from config/defaults.yaml: %+v", DefaultLimits)
	}
}
