package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/internal/atomicfile"
	"github.com/sanctions-dev/sanctions/internal/bundle"
)

func newBundle(g *globals, s *streams) *cobra.Command {
	var output, revision string
	var tests bool
	cmd := &cobra.Command{
		Use:   "bundle",
		Short: "Write the rules and data as an OPA bundle, for stock OPA servers",
		Long: `Bundle writes the rule library (the modules, and the data tables with their derived
indexes at data.sanctions) as an OPA bundle, a gzipped tarball with a manifest. The revision is a
digest of the content unless --revision says otherwise. An OPA server serving the bundle answers
POST /v1/data/sanctions/findings with {"input": EVENT} with the findings sanctions check gives.`,
		Example: "  sanctions bundle -o sanctions.tar.gz\n  opa run --server --bundle sanctions.tar.gz\n\n" +
			"  sanctions bundle --tests -o rules-tests.tar.gz\n  opa test --bundle rules-tests.tar.gz",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := g.settings(nil)
			if err != nil {
				return err
			}
			if output == "" {
				return withStatus(exitError, fmt.Errorf("--output is required"))
			}
			// The rules are compiled as check compiles them, every one kept: a bundle must not
			// hold a rule that does not load, nor silently lack one.
			eng, err := engine(cmd.Context(), s, c, false, nil)
			if err != nil {
				return err
			}
			f, err := atomicfile.Create(output, 0o644)
			if err != nil {
				return withStatus(exitError, err)
			}
			defer f.Abort()
			rev, err := bundle.WriteWith(f, eng.Library(), revision, tests)
			if err == nil {
				err = f.Commit()
			}
			if err != nil {
				return withStatus(exitError, err)
			}
			fmt.Fprintf(s.err, "wrote %s (revision %s)\n", output, rev)
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "the bundle file to write (.tar.gz)")
	cmd.Flags().StringVar(&revision, "revision", "", "the manifest's revision (default: a digest of the content)")
	cmd.Flags().BoolVar(&tests, "tests", false, "include the Rego tests (*_test.rego), for opa test --bundle")
	return cmd
}
