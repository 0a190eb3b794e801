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

// sharedAnchorYAML is n events that each cite the same sources and claims: written once under
// an anchor and used by every event through aliases, or (anchored false) written out in each.
func sharedAnchorYAML(n int, anchored bool) []byte {
	const sources = `[{id: yna, publisher: Yonhap, url: "https://example.org/a", date: "2024-10-18"}, {id: nis, publisher: "National Intelligence Service", date: "2024-10-18"}]`
	const claims = `[{status: reported, by: {country: KR}, source: nis}, {status: denied, by: {country: KP}, source: yna}]`
	var b bytes.Buffer
	for i := range n {
		s, c := sources, claims
		if anchored {
			s, c = "*src", "*cl"
			if i == 0 {
				s, c = "&src "+sources, "&cl "+claims
			}
		}
		b.WriteString("- id: e" + itoa(i) + "\n  type: meeting\n  date: 2024-10\n  summary: s\n")
		b.WriteString("  sources: " + s + "\n  claims: " + c + "\n  evidence: [{quote: q, source: yna}]\n")
	}
	return b.Bytes()
}

// BenchmarkDecodeYAMLSharedAnchor and BenchmarkDecodeYAMLWrittenOut are a pair: 2,000 events
// sharing one anchor must cost about what the same events written out do (alias expansion is
// charged as it is expanded, at linear cost; it once cost 84 times more).
func BenchmarkDecodeYAMLSharedAnchor(b *testing.B) {
	benchDecode(b, YAML, sharedAnchorYAML(2000, true), 2000)
}

func BenchmarkDecodeYAMLWrittenOut(b *testing.B) {
	benchDecode(b, YAML, sharedAnchorYAML(2000, false), 2000)
}
