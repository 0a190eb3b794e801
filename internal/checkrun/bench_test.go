package checkrun_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/events"
)

// BenchmarkCheckNDJSON measures a whole check run (decode, validate, evaluate, collect) on a mix
// of events; events/s is reported per run.
func BenchmarkCheckNDJSON(b *testing.B) {
	eng := engine(b)
	input := mixed(1000)
	b.ResetTimer()
	for b.Loop() {
		c := &checkrun.Check{Inputs: []checkrun.Input{checkrun.Reader("-", events.NDJSON, strings.NewReader(input))}}
		if _, err := c.Run(context.Background(), eng); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "events/s")
}
