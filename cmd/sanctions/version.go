package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/internal/report"
)

// Set at build time: go build -ldflags "-X main.version=v1.2.3 -X main.informationURI=https://..."
// The project names no public address in its README or docs, so informationURI is empty unless
// the build sets it (SARIF's informationUri is then left out).
var (
	version        string
	informationURI string
)

func newVersion(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprint(s.out, strings.ReplaceAll(versionLine, "{{.Version}}", toolInfo().Version))
			return nil
		},
	}
}

// versionLine is what `sanctions version` and `sanctions --version` print, as a cobra template.
const versionLine = "sanctions {{.Version}}\n"

// toolInfo names this program in reports (SARIF's tool driver).
func toolInfo() report.Tool {
	bi, _ := debug.ReadBuildInfo()
	return report.Tool{Name: "sanctions", Version: buildVersion(version, bi), URI: informationURI}
}

// buildVersion is the version set with -ldflags -X when there is one, else the main module's
// version, else the VCS revision the binary was built from (with "+dirty" for a modified tree),
// and "(devel)" only when the build says nothing more.
func buildVersion(set string, bi *debug.BuildInfo) string {
	if set != "" {
		return set
	}
	if bi == nil {
		return "(devel)"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return "(devel)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return "devel-" + rev + dirty
}
