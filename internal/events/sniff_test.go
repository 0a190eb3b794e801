package events

import (
	"bufio"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestSniff(t *testing.T) {
	long := `{"id": "` + strings.Repeat("a", SniffWindow) + `"}`
	for _, tc := range []struct {
		name, in string
		want     Format
	}{
		{"empty", "", YAML},
		{"blank", " \n\t\n", YAML},
		{"yaml mapping", "id: a\ntype: transfer\n", YAML},
		{"yaml comment", "# {not json}\nid: a\n", YAML},
		{"yaml document", "---\nevents: []\n", YAML},
		{"yaml list", "- id: a\n", YAML},
		{"json array", "[{\"id\": \"a\"}]", JSON},
		{"json array after space", "\n\n  [\n]", JSON},
		{"json object one line", `{"id": "a"}`, JSON},
		{"json object one line and newline", "{\"id\": \"a\"}\n", JSON},
		{"json object then blank lines", "{\"id\": \"a\"}\n\n  \n", JSON},
		{"json pretty", "{\n  \"events\": [\n    {\"id\": \"a\"}\n  ]\n}\n", JSON},
		{"json pretty, brace at column 0 inside", "{\n\"events\": [\n{\"id\": \"a\"}]}", JSON},
		{"ndjson", "{\"id\": \"a\"}\n{\"id\": \"b\"}\n", NDJSON},
		{"ndjson crlf", "{\"id\": \"a\"}\r\n{\"id\": \"b\"}\r\n", NDJSON},
		{"ndjson blank line between", "{\"id\": \"a\"}\n\n{\"id\": \"b\"}", NDJSON},
		{"ndjson after a byte order mark", "\ufeff{\"id\": \"a\"}\n{\"id\": \"b\"}", NDJSON},
		{"ndjson line indented", "{\"id\": \"a\"}\n {\"id\": \"b\"}", JSON},
		{"yaml flow mapping", "{events: []}", JSON},
		{"first line beyond the window", long + "\n{}\n", JSON},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []struct {
				name string
				r    io.Reader
			}{
				{"whole", strings.NewReader(tc.in)},
				{"one byte at a time", iotest.OneByteReader(strings.NewReader(tc.in))},
			} {
				br := bufio.NewReaderSize(r.r, SniffWindow)
				if got := Sniff(br); got != tc.want {
					t.Errorf("%s: Sniff(%.40q) = %s, want %s", r.name, tc.in, got, tc.want)
				}
				rest, err := io.ReadAll(br)
				if err != nil || string(rest) != tc.in {
					t.Errorf("%s: Sniff consumed input: read back %d of %d bytes, %v", r.name, len(rest), len(tc.in), err)
				}
			}
		})
	}
}

// A pipe that has written its first events and not yet ended is sniffed at once.
func TestSniffDoesNotWaitForMore(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	go func() { _, _ = io.WriteString(pw, "{\"id\": \"a\"}\n{\"id\": \"b\"}\n") }()
	if got := Sniff(bufio.NewReaderSize(pr, SniffWindow)); got != NDJSON {
		t.Errorf("Sniff = %s, want ndjson", got)
	}
}

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Format
		ok   bool
	}{
		{"auto", Auto, true}, {"NDJSON", NDJSON, true}, {"Json", JSON, true}, {"YAML", YAML, true},
		{"JSONL", NDJSON, true}, {"xml", "", false},
	} {
		got, err := ParseFormat(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
