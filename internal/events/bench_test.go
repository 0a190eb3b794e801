package events

import (
	"bytes"
	"context"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/gen"
)

func benchDecode(b *testing.B, format Format, data []byte, n int) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		count := 0
		_, err := Decode(context.Background(), Input{Name: "bench", Reader: bytes.NewReader(data), Format: format}, DefaultLimits,
			func(r Record) error {
				if r.Event == nil {
					b.Fatal(r.Problem)
				}
				count++
				return nil
			})
		if err != nil || count != n {
			b.Fatalf("%d events, %v", count, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkDecodeNDJSON decodes 1,000 generated events from NDJSON.
func BenchmarkDecodeNDJSON(b *testing.B) {
	var buf bytes.Buffer
	if err := gen.WriteNDJSON(&buf, gen.Options{Count: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	benchDecode(b, NDJSON, buf.Bytes(), 1000)
}

// BenchmarkDecodeYAML decodes the same 1,000 events as a YAML list (JSON is YAML).
func BenchmarkDecodeYAML(b *testing.B) {
	var buf bytes.Buffer
	if err := gen.WriteNDJSON(&buf, gen.Options{Count: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	var yaml bytes.Buffer
	for _, l := range lines {
		yaml.WriteString("- ")
		yaml.Write(l)
		yaml.WriteByte('\n')
	}
	benchDecode(b, YAML, yaml.Bytes(), 1000)
}

// BenchmarkDecodeJSONArray decodes the same 1,000 events as one JSON array, one event a line:
// it must cost about what NDJSON does (positions are found in one pass, not from the start of
// the file for each event).
func BenchmarkDecodeJSONArray(b *testing.B) {
	var buf bytes.Buffer
	if err := gen.WriteNDJSON(&buf, gen.Options{Count: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	arr := append([]byte("[\n"), bytes.Join(lines, []byte(",\n"))...)
	arr = append(arr, "\n]\n"...)
	benchDecode(b, JSON, arr, 1000)
}
