package config_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/pflag"

	"github.com/sanctions-dev/sanctions/config"
)

// TestSource: an error about a setting names the flag, the environment variable or the config
// file key it came from, in viper's precedence; and values are read in any case.
func TestSource(t *testing.T) {
	file := filepath.Join(t.TempDir(), "sanctions.yaml")
	if err := os.WriteFile(file, []byte("check:\n  fail_on: HIGH\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, env, flag string
		key, want             string
	}{
		{"default", "", "", "", "check.fail_on", "check.fail_on"},
		{"file", file, "", "", "check.fail_on", file + ": check.fail_on"},
		{"file without the key", file, "", "", "check.format", "check.format"},
		{"environment over file", file, "medium", "", "check.fail_on", "SANCTIONS_CHECK_FAIL_ON"},
		{"flag over environment", file, "medium", "low", "check.fail_on", "--fail-on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("SANCTIONS_CHECK_FAIL_ON", tt.env)
			v, err := config.New(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			fs := pflag.NewFlagSet("check", pflag.ContinueOnError)
			fs.String("fail-on", "low", "")
			if tt.flag != "" {
				if err := fs.Set("fail-on", tt.flag); err != nil {
					t.Fatal(err)
				}
			}
			if err := v.BindPFlag("check.fail_on", fs.Lookup("fail-on")); err != nil {
				t.Fatal(err)
			}
			if got := config.Source(v, tt.key, fs.Lookup("fail-on")); got != tt.want {
				t.Errorf("Source(%s) = %q, want %q", tt.key, got, tt.want)
			}
			c, err := config.Load(v)
			if err != nil {
				t.Fatal(err)
			}
			if tt.file != "" && tt.flag == "" && tt.env == "" && c.Check.FailOn != "high" {
				t.Errorf("fail_on = %q, want it lower-cased: high", c.Check.FailOn)
			}
		})
	}
}
