package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/internal/report"
)

func newVersion(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(s.out, "sanctions", toolInfo().Version)
			return nil
		},
	}
}

// toolInfo names this program in reports (SARIF's tool driver).
func toolInfo() report.Tool {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return report.Tool{Name: "sanctions", Version: v}
}
