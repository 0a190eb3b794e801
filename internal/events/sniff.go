package events

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Auto is the input format of an input whose format is sniffed from its first bytes (see Sniff):
// standard input when --input-format is not given.
const Auto Format = "auto"

// SniffWindow is how many bytes Sniff looks at, at most.
const SniffWindow = 64 << 10

// Sniff tells an input's format from its first bytes, without consuming them: r reads on from
// the first byte. The rule, on the first non-space bytes (a UTF-8 byte order mark counts as
// space):
//
//   - "{" and, on a later line that is not blank, "{" in the first column: NDJSON;
//   - "{" otherwise, or "[": JSON (a single object on one line reads the same as JSON or NDJSON);
//   - anything else: YAML.
//
// A YAML document that opens with a flow mapping ("{events: [...]}") is read as JSON and
// refused: give --input-format yaml for it. Sniff reads only as much as it needs, and at most
// SniffWindow bytes, so a slow writer (a pipe) is not waited for to the end.
func Sniff(r *bufio.Reader) Format {
	for {
		b, _ := r.Peek(r.Buffered())
		if f, ok := sniff(b, false); ok {
			return f
		}
		if len(b) >= SniffWindow || len(b) >= r.Size() {
			f, _ := sniff(b, true)
			return f
		}
		if _, err := r.Peek(len(b) + 1); err != nil {
			b, _ = r.Peek(r.Buffered())
			f, _ := sniff(b, true)
			return f
		}
	}
}

// sniff decides on b, the first bytes of an input; unless final (the whole input, or all of it
// that will be looked at), it may say it cannot tell yet.
func sniff(b []byte, final bool) (Format, bool) {
	const bom = "\ufeff"
	if !final && len(b) < len(bom) && strings.HasPrefix(bom, string(b)) {
		return "", false // the byte order mark, or nothing, so far
	}
	b = bytes.TrimLeft(bytes.TrimPrefix(b, []byte(bom)), " \t\r\n")
	switch {
	case len(b) == 0:
		return YAML, final
	case b[0] == '[':
		return JSON, true
	case b[0] != '{':
		return YAML, true
	}
	// The line after the first that is not blank: "{" in its first column makes NDJSON.
	rest := b
	for {
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			return JSON, final // the line is not over: the next may yet begin with "{"
		}
		rest = rest[nl+1:]
		line, _, complete := bytes.Cut(rest, []byte("\n"))
		switch {
		case len(bytes.TrimSpace(line)) > 0 && line[0] == '{':
			return NDJSON, true
		case len(bytes.TrimSpace(line)) > 0:
			return JSON, true
		case !complete:
			return JSON, final
		}
	}
}

// sniffed reads in's format from its first bytes when it is Auto, and makes emit say, in the
// problems that are about the input as a whole, which format it was read as.
func sniffed(in Input, emit func(Record) error) (Input, func(Record) error) {
	if in.Format != Auto {
		return in, emit
	}
	br := bufio.NewReaderSize(in.Reader, SniffWindow)
	in.Reader, in.Format = br, Sniff(br)
	note := fmt.Sprintf("; read as %s (sniffed); give --input-format to choose", strings.ToUpper(string(in.Format)))
	return in, func(r Record) error {
		if p := r.Problem; p != nil && p.EventID == "" && isWholeInput(p.Message) {
			q := *p
			q.Message += note
			r.Problem = &q
		}
		return emit(r)
	}
}

// isWholeInput tells the problems of a bad decode, which a wrong format gives, from those of
// one event.
func isWholeInput(msg string) bool {
	for _, prefix := range []string{"invalid JSON", "invalid YAML", "a JSON input must", "a YAML document must", "not valid UTF-8"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}
