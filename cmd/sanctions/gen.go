package main

import (
	"bufio"

	"github.com/spf13/cobra"

	"github.com/sanctions-dev/sanctions/internal/gen"
)

func newGen(s *streams) *cobra.Command {
	var o gen.Options
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Write synthetic events as NDJSON, for benchmarks and load tests",
		Long: `Gen writes a deterministic, seeded mix of synthetic events to standard output: every event
type, items from every part of the taxonomy, DPRK and other parties, designated names, claims of
every status, quantities in known and unknown units. The same --seed gives the same events.`,
		Example: "  sanctions gen --count 100000 --seed 1 > events.ndjson",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			w := bufio.NewWriterSize(s.out, 1<<16)
			if err := gen.WriteNDJSON(w, o); err != nil {
				return err
			}
			return w.Flush()
		},
	}
	cmd.Flags().IntVar(&o.Count, "count", 1000, "how many events")
	cmd.Flags().Uint64Var(&o.Seed, "seed", 1, "the seed of the sequence")
	return cmd
}
