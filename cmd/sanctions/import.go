package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/designations"
)

func newImport(s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Import data tables from official sources",
	}
	var output string
	var regimes []string
	unList := &cobra.Command{
		Use:   "un-list FILE.xml",
		Short: "Convert the UN Security Council Consolidated List (XML) into the designations table",
		Long: `un-list reads the UN Security Council Consolidated List in its XML form and writes the
designations of the regimes asked for (reference number, names, aliases, type, listed and
delisted dates) as the rule library's designations table, sorted by reference.`,
		Example: `  sanctions import un-list consolidated.xml
  sanctions import un-list --regime DPRK --output my-rules/data/designations.json consolidated.xml`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return withStatus(exitError, err)
			}
			defer f.Close()
			list, err := designations.FromUNList(f, filepath.Base(args[0]), regimes)
			if err != nil {
				return withStatus(exitError, fmt.Errorf("%s: %w", args[0], err))
			}
			var buf bytes.Buffer
			if err := list.Write(&buf); err != nil {
				return withStatus(exitError, err)
			}
			if output == "-" {
				_, err = s.out.Write(buf.Bytes())
				return err
			}
			if err := os.WriteFile(output, buf.Bytes(), 0o644); err != nil {
				return withStatus(exitError, err)
			}
			fmt.Fprintf(s.err, "wrote %d designations (%v) to %s\n", len(list.Designations), regimes, output)
			return nil
		},
	}
	unList.Flags().StringVarP(&output, "output", "o", filepath.Join("rules", "data", "designations.json"), "where to write the table (- for standard output)")
	unList.Flags().StringSliceVar(&regimes, "regime", []string{"DPRK"}, "regimes to keep (UN_LIST_TYPE; repeatable)")
	cmd.AddCommand(unList)
	return cmd
}
