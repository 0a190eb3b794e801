package events_test

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
)

// The property tests check that no event of an input is silently lost by the decoder. Each
// input is built by a generator that knows its ground truth: the events an independent reader
// sees in it (Python's json, a YAML 1.2 parser, the lines of an NDJSON file), in order, and
// which of them the contract (docs/events.md) says the decoder rejects. Then, whatever the
// input:
//
//   - every accepted event is one of the ground truth, accepted at most once, in input order,
//     and none the contract says is rejected (a repeated key, a refused character);
//   - without a syntax error, every event is accepted or rejected: accepted + rejected records
//     is the number of events, exactly;
//   - with a syntax error (or a second JSON value, or a byte that is not UTF-8), the events
//     before it that the contract keeps are read, those after are not, and the error is one
//     rejected record ("a file that cannot be parsed counts as one rejected event (the events
//     before the error, in the same file, are kept)");
//   - what is refused at file level (a repeated top-level key, an unknown one) is a problem of
//     the file, never silence; and an input with events never gives no record and no problem.
//
// The inputs are random (math/rand/v2 with fixed seeds, so every run sees the same ones) and
// cover single events, lists, wrappers with expect and unknown keys, repeated section keys,
// repeated keys inside an event, concatenated JSON values, YAML document streams, anchors and
// aliases, blank lines, comments, CRLF, a byte-order mark, syntax errors in the middle,
// truncation, NUL and other refused characters, and bytes that are not UTF-8.

const propertyCases = 300 // per format

func TestPropertyNoEventLostYAML(t *testing.T) { runProperty(t, events.YAML, 1, genYAML) }

func TestPropertyNoEventLostJSON(t *testing.T) { runProperty(t, events.JSON, 2, genJSON) }

func TestPropertyNoEventLostNDJSON(t *testing.T) { runProperty(t, events.NDJSON, 3, genNDJSON) }

// truthEvent is one event of a generated input, as an independent reader sees it.
type truthEvent struct {
	id     string
	reject bool // the contract rejects it (a repeated key, a refused character, too deep): it counts all the same
	end    int  // JSON: the offset just past its text, before any error is put in
}

type wantProblem struct {
	msg string // a part of the message
	at  int    // the offset of what causes it
}

// propCase is a generated input and what the contract says of it.
type propCase struct {
	format   events.Format
	text     []byte
	truth    []truthEvent // in input order
	broken   bool         // a syntax error, a second JSON value or a byte that is not UTF-8 ends the reading
	keep     int          // when broken: how many events of truth, from the first, are read
	problems []wantProblem
	ghosts   []string // ids of objects under a refused key: never accepted
}

func runProperty(t *testing.T, format events.Format, seed uint64, gen func(*propGen) *propCase) {
	covered := map[string]int{}
	failed := 0
	for i := range propertyCases {
		g := &propGen{r: rand.New(rand.NewPCG(seed, uint64(i))), round: i, prefix: fmt.Sprintf("ev-%d-", i), what: map[string]bool{}}
		g.nl = "\n"
		if g.p(0.25) {
			g.nl = "\r\n"
			g.note("CRLF line endings")
		}
		c := gen(g)
		c.format = format
		if len(c.truth) == 0 {
			t.Fatalf("case %d: the generator made an input without events", i)
		}
		if !utf8.Valid(c.text) { // "a YAML or JSON file with an invalid byte is rejected whole"
			g.note("not UTF-8")
			if format != events.NDJSON {
				c.broken, c.keep = true, 0
			}
		}
		for w := range g.what {
			covered[w]++
		}
		if fails := checkProperty(c); len(fails) > 0 {
			t.Errorf("%s case %d (seed %d) with %s:\n  %s\ninput: %q", format, i, seed, strings.Join(g.notes(), ", "), strings.Join(fails, "\n  "), c.text)
			if failed++; failed == 5 {
				t.Fatal("more failing cases not shown")
			}
		}
	}
	// The generator must keep covering what the test is about: a construct no case holds is a
	// hole in the property, not a pass.
	for _, w := range wantCovered[format] {
		if covered[w] < 3 {
			t.Errorf("only %d of %d cases hold %q", covered[w], propertyCases, w)
		}
	}
	var lines []string
	for _, w := range slices.Sorted(maps.Keys(covered)) {
		lines = append(lines, fmt.Sprintf("%4d %s", covered[w], w))
	}
	t.Logf("%d %s inputs:\n%s", propertyCases, format, strings.Join(lines, "\n"))
}

// checkProperty decodes c and says how the result breaks the property, if it does.
func checkProperty(c *propCase) []string {
	var fails []string
	fail := func(format string, args ...any) { fails = append(fails, fmt.Sprintf(format, args...)) }
	var recs []events.Record
	file, err := events.Decode(context.Background(), events.Input{Name: "prop", Reader: bytes.NewReader(c.text), Format: c.format},
		events.DefaultLimits, func(r events.Record) error {
			recs = append(recs, r)
			return nil
		})
	if err != nil {
		return []string{fmt.Sprintf("Decode returned %v", err)}
	}
	if file.Events != len(recs) {
		fail("the file counts %d records, %d were emitted", file.Events, len(recs))
	}
	index := map[string]int{}
	for i, e := range c.truth {
		index[e.id] = i
	}
	accepted, rejected, last := map[string]bool{}, 0, -1
	var after []string // accepted past what the contract reads
	n := len(c.truth)
	if c.broken {
		n = c.keep
	}
	for _, r := range recs {
		switch {
		case (r.Event == nil) == (r.Problem == nil):
			fail("a record that is not exactly one of an event and a problem: %+v", r)
		case r.Problem != nil:
			rejected++
		default:
			id := r.Event.ID
			i, ok := index[id]
			switch {
			case slices.Contains(c.ghosts, id):
				fail("accepted %q, an object under a refused top-level key", id)
			case !ok:
				fail("accepted %q, which is no event of the input", id)
			case accepted[id]:
				fail("accepted %q twice", id)
			case i < last:
				fail("accepted %q out of input order", id)
			case c.truth[i].reject:
				fail("accepted %q, which the contract rejects", id)
			case i >= n:
				after = append(after, id)
			}
			accepted[id] = true
			if ok {
				last = i
			}
		}
	}
	wantRejected := 0
	for _, e := range c.truth[:n] {
		switch {
		case e.reject:
			wantRejected++
		case !accepted[e.id]:
			fail("event %q is lost: not accepted, though it comes before any error", e.id)
		}
	}
	if c.broken {
		wantRejected++ // the error itself, and all that follows it
		if len(after) > 0 {
			fail("accepted %v, after the error (the rest of the input is not read)", after)
		}
		if rejected != wantRejected {
			fail("%d rejected records, want %d: the %d rejected events before the error, and the error", rejected, wantRejected, wantRejected-1)
		}
	} else {
		if len(accepted)+rejected != len(c.truth) {
			fail("%d accepted + %d rejected records for %d events", len(accepted), rejected, len(c.truth))
		}
		if rejected != wantRejected {
			fail("%d rejected records, want %d (the events the contract rejects)", rejected, wantRejected)
		}
	}
	if len(recs) == 0 && len(file.Problems) == 0 {
		fail("silence: no record and no problem for an input with %d events", len(c.truth))
	}
	if !c.broken { // the file problems, exactly: each expected one once, and no other
		left := slices.Clone(file.Problems)
		for _, w := range c.problems {
			k := slices.IndexFunc(left, func(p *diag.Problem) bool { return strings.Contains(p.Message, w.msg) })
			if k < 0 {
				fail("no file problem %q", w.msg)
				continue
			}
			left = slices.Delete(left, k, k+1)
		}
		for _, p := range left {
			fail("unexpected file problem: %v", p)
		}
	}
	return fails
}

// propGen makes the random parts of one input and remembers what it put in.
type propGen struct {
	r      *rand.Rand
	round  int    // the case's number: errors take their kind in turn, so that every kind is made
	prefix string // of every id of the input
	seq    int
	nl     string // "\n" or "\r\n"
	what   map[string]bool
}

func (g *propGen) p(x float64) bool { return g.r.Float64() < x }
func (g *propGen) n(k int) int      { return g.r.IntN(k) }
func (g *propGen) note(w string)    { g.what[w] = true }

func (g *propGen) notes() []string { return slices.Sorted(maps.Keys(g.what)) }

func (g *propGen) id() string {
	g.seq++
	return fmt.Sprintf("%s%d", g.prefix, g.seq)
}

func pick[T any](g *propGen, xs ...T) T { return xs[g.n(len(xs))] }

// inTurn is the kind of error of this case, in turn.
func inTurn(g *propGen, kinds []string) string { return kinds[g.round%len(kinds)] }

func insertAt(b []byte, at int, s string) []byte {
	return slices.Concat(b[:at:at], []byte(s), b[at:])
}

// ---- JSON and NDJSON ----

// jsonEvent is an event in JSON, of the minimal shape of decode_test.go's oneEvent: on one line
// (compact or spaced) or over several lines at indent. Sometimes it holds what the contract
// rejects: a repeated key (at the top or deep), an escaped control character, too deep a value.
func (g *propGen) jsonEvent(id string, pretty bool, indent string, lonesurrogate bool) (string, bool) {
	type kv struct{ k, v string }
	summary := pick(g, `"s"`, `"a \"quoted\" \\ path\/ \u00e9 \ud83d\ude00"`, `"평양, Pyongyang é"`, `"tab\tand\nline"`)
	if lonesurrogate {
		summary = `"lone \ud800 surrogate"` // accepted (as U+FFFD), as encoding/json and Python do
		g.note("lone surrogate escape (NDJSON)")
	}
	kvs := []kv{
		{"id", fmt.Sprintf("%q", id)},
		{"type", `"meeting"`},
		{"date", `"2024-01"`},
		{"summary", summary},
		{"claims", `[{"status": "reported", "by": {"country": "US"}}]`},
		{"sources", `[{"id": "s", "publisher": "p"}]`},
		{"evidence", `[{"quote": "q", "source": "s"}]`},
	}
	if g.p(0.3) {
		kvs = append(kvs, kv{"x", `{"n": 1.5e3, "list": [1, null, true, "x"], "o": {}}`})
	}
	if g.p(0.4) {
		g.r.Shuffle(len(kvs), func(i, j int) { kvs[i], kvs[j] = kvs[j], kvs[i] })
	}
	reject := false
	// A lone surrogate before a repeated key once hid the key (jsontext stopped at the surrogate,
	// and the event came out with the last copy): the two are combined here on purpose.
	if g.p(0.2) {
		reject = true
		switch g.n(5) {
		case 0:
			kvs = append(kvs, kv{pick(g, "type", "id"), `"other"`})
			g.note("repeated key in an event")
		case 1:
			kvs = append(kvs, kv{"parties", `{"from": {"state": "KP", "state": "RU"}}`})
			g.note("repeated key deep in an event")
		case 2:
			kvs = append(kvs, kv{"note", pick(g, `"esc \u001b[2J"`, `"nul \u0000"`, `"override \u202e"`)})
			g.note("escaped control character")
		case 3:
			kvs = append(kvs, kv{"deep", strings.Repeat("[", 40) + strings.Repeat("]", 40)})
			g.note("nested too deep")
		case 4:
			kvs = append(kvs, kv{"claims", `[]`}) // a second "claims"
			g.note("repeated key in an event")
		}
	}
	var b strings.Builder
	b.WriteString("{")
	for i, e := range kvs {
		if i > 0 {
			b.WriteString(",")
		}
		switch {
		case pretty:
			b.WriteString(g.nl + indent + "  ")
		case i > 0 && g.p(0.5):
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%q:", e.k)
		if pretty || g.p(0.5) {
			b.WriteString(" ")
		}
		b.WriteString(e.v)
	}
	if pretty {
		b.WriteString(g.nl + indent)
	}
	b.WriteString("}")
	return b.String(), reject
}

type span struct {
	start, end int
	afterComma bool // an element of an array after the first
	wrapped    bool // in the events array of a wrapper object
}

type jsonWriter struct {
	g       *propGen
	c       *propCase
	b       bytes.Buffer
	pretty  bool
	spans   []span // the events, in order
	expects []int  // the offset of each expect value's "{"
	keys    map[string]int
	inWrap  bool
}

func (w *jsonWriter) event(indent string, afterComma bool) {
	id := w.g.id()
	text, reject := w.g.jsonEvent(id, w.pretty, indent, false)
	start := w.b.Len()
	w.b.WriteString(text)
	w.c.truth = append(w.c.truth, truthEvent{id: id, reject: reject, end: w.b.Len()})
	w.spans = append(w.spans, span{start, w.b.Len(), afterComma, w.inWrap})
}

// array writes an array of n events, or of n ghost objects (under a refused key).
func (w *jsonWriter) array(indent string, n int, ghost bool) {
	w.b.WriteString("[")
	for i := range n {
		if i > 0 {
			w.b.WriteString(",")
			if !w.pretty {
				w.b.WriteString(pick(w.g, "", " "))
			}
		}
		if w.pretty {
			w.b.WriteString(w.g.nl + indent + "  ")
		}
		if ghost {
			id := "ghost-" + w.g.id()
			w.c.ghosts = append(w.c.ghosts, id)
			fmt.Fprintf(&w.b, `{"id": %q, "type": "meeting"}`, id)
			continue
		}
		w.event(indent+"  ", i > 0)
	}
	if w.pretty && n > 0 {
		w.b.WriteString(w.g.nl + indent)
	}
	w.b.WriteString("]")
}

// wrapper writes {"events": [...], ...}: one or two events keys (the second a problem of the
// file), perhaps an expect block (perhaps twice) and an unknown key, in any order.
func (w *jsonWriter) wrapper() {
	g := w.g
	g.note("wrapper object")
	entries := []string{"events"}
	if g.p(0.25) {
		entries = append(entries, "events")
	}
	if g.p(0.5) {
		entries = append(entries, "expect")
		if g.p(0.15) {
			entries = append(entries, "expect")
		}
	}
	if g.p(0.25) {
		entries = append(entries, "evnets")
	}
	g.r.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
	w.keys = map[string]int{}
	w.b.WriteString("{")
	first := true
	for _, key := range entries {
		if !first {
			w.b.WriteString(",")
			if !w.pretty {
				w.b.WriteString(pick(g, "", " "))
			}
		}
		if w.pretty {
			w.b.WriteString(g.nl + "  ")
		}
		at := w.b.Len()
		name := fmt.Sprintf("%q", key)
		if key == "events" && g.p(0.2) {
			name = `"ev\u0065nts"` // the same key, escaped
			g.note("escaped events key")
		}
		w.b.WriteString(name + pick(g, ":", ": "))
		w.keys[key]++
		switch {
		case w.keys[key] == 2:
			w.c.problems = append(w.c.problems, wantProblem{fmt.Sprintf("duplicate top-level key %q", key), at})
			g.note("repeated top-level " + key + " key")
		case key == "evnets":
			w.c.problems = append(w.c.problems, wantProblem{`unknown top-level key "evnets"`, at})
			g.note("unknown top-level key")
		}
		switch key {
		case "events":
			n := g.n(4)
			if w.keys[key] == 1 {
				n++ // the first events key has an event
			}
			w.inWrap = true
			w.array("  ", n, false)
			w.inWrap = false
		case "expect":
			w.expects = append(w.expects, w.b.Len())
			if g.p(0.5) { // an id given once: a second expectation for one is a problem
				fmt.Fprintf(&w.b, `{%q: {"rules": []}}`, "expected-"+g.id())
			} else {
				w.b.WriteString("{}")
			}
			g.note("expect block")
		case "evnets":
			w.array("  ", 1+g.n(2), true)
		}
		first = false
	}
	if w.pretty {
		w.b.WriteString(g.nl)
	}
	w.b.WriteString("}")
}

// The syntax errors put in a JSON input: each makes the text not JSON at its place.
var jsonEventErrors = []string{"stray character", "missing colon", "trailing comma", "raw NUL in a string",
	"raw control character in a string", "raw line break in a string", "invalid escape", "comment", "unquoted key"}

func genJSON(g *propGen) *propCase {
	c := &propCase{}
	w := &jsonWriter{g: g, c: c, pretty: g.p(0.5)}
	if w.pretty {
		g.note("pretty-printed")
	}
	if g.p(0.1) {
		w.b.WriteString("\ufeff")
		g.note("byte-order mark")
	}
	if g.p(0.2) {
		w.b.WriteString(pick(g, " ", g.nl, "\t"+g.nl))
	}
	values, second := 1, -1
	if g.p(0.2) {
		values = 2 + g.n(2)
		g.note("concatenated values")
	}
	lastStart, lastEnd := 0, 0
	for v := range values {
		if v > 0 {
			w.b.WriteString(pick(g, "", " ", g.nl))
			if second < 0 {
				second = w.b.Len()
			}
		}
		lastStart = w.b.Len()
		switch g.n(3) {
		case 0:
			w.event("", false)
			g.note("single event object")
		case 1:
			w.array("", 1+g.n(5), false)
			g.note("array of events")
		case 2:
			w.wrapper()
		}
		lastEnd = w.b.Len()
	}
	if g.p(0.3) {
		w.b.WriteString(g.nl)
	}
	text := w.b.Bytes()
	errAt := -1
	// Between the events of a top-level array or of a wrapper's events (the second was once
	// rejected twice).
	var between []span
	for _, sp := range w.spans {
		if sp.afterComma {
			between = append(between, sp)
		}
	}
	modes := []string{"clean", "clean", "clean", "clean", "clean", "clean", "clean", "clean",
		"event", "event", "event", "event", "event", "utf8", "truncate", "truncate", "truncate"}
	if len(between) > 0 {
		modes = append(modes, "between", "between", "between", "between", "between", "between")
	}
	if len(w.expects) > 0 {
		modes = append(modes, "expect", "expect", "expect", "expect")
	}
	switch pick(g, modes...) {
	case "event": // a syntax error inside an event
		sp := w.spans[g.n(len(w.spans))]
		kind := inTurn(g, jsonEventErrors)
		g.note("syntax error: " + kind)
		text, errAt = jsonError(text, sp, kind), sp.start
	case "between": // between two events of an array
		sp := between[g.n(len(between))]
		if g.p(0.5) {
			g.note("syntax error: missing comma")
			j := bytes.LastIndexByte(text[:sp.start], ',')
			text = slices.Delete(slices.Clone(text), j, j+1)
		} else {
			g.note("syntax error: NUL between values")
			text = insertAt(text, sp.start, "\x00")
		}
		errAt = sp.start
	case "expect": // in an expect block
		at := w.expects[g.n(len(w.expects))]
		g.note("syntax error in expect")
		text, errAt = insertAt(text, at+1, "@"), at
	case "utf8": // a byte that is not UTF-8: the input is rejected whole
		sp := w.spans[g.n(len(w.spans))]
		q := idQuote(text, sp)
		text = insertAt(text, q+1, pick(g, "\xff", "\xc3(", "\xed\xa0\x80", "\xf4\x90\x80\x80"))
	case "truncate": // inside the last value
		cut := lastStart + 1 + g.n(lastEnd-lastStart-1)
		// Anywhere from inside the value's first event on (before it, the input would hold no
		// event, which the checks below need): after "[", an element or a comma of a wrapper's
		// events array included, which was once rejected twice.
		for _, sp := range w.spans {
			if sp.start >= lastStart {
				cut = max(cut, sp.start+1)
				break
			}
		}
		g.note("truncated")
		text, errAt = text[:cut], cut
		left := 0 // the events begun before the cut: what is left of the input
		for _, sp := range w.spans {
			if sp.start < cut {
				left++
			}
		}
		c.truth = c.truth[:left]
	}
	c.text = text
	stop := len(text) + 1
	if errAt >= 0 {
		stop = errAt
	}
	if second >= 0 {
		stop = min(stop, second) // a second value is rejected, with all that follows it
	}
	if stop <= len(text) {
		c.broken = true
		for _, e := range c.truth {
			if e.end <= stop {
				c.keep++
			}
		}
	}
	return c
}

// idQuote is the offset of the opening quote of the first "id" value in an event's text.
func idQuote(text []byte, sp span) int {
	k := sp.start + bytes.Index(text[sp.start:sp.end], []byte(`"id"`))
	colon := k + 4 + bytes.IndexByte(text[k+4:], ':')
	return colon + 1 + bytes.IndexByte(text[colon+1:], '"')
}

// jsonError puts a syntax error of the given kind into the event at sp.
func jsonError(text []byte, sp span, kind string) []byte {
	q := idQuote(text, sp)
	switch kind {
	case "stray character":
		return insertAt(text, sp.start+1, "@")
	case "missing colon":
		j := sp.start + bytes.Index(text[sp.start:sp.end], []byte(`":`)) + 1
		return slices.Delete(slices.Clone(text), j, j+1)
	case "trailing comma":
		return insertAt(text, sp.end-1, ",")
	case "raw NUL in a string":
		return insertAt(text, q+1, "\x00")
	case "raw control character in a string":
		return insertAt(text, q+1, "\x01")
	case "raw line break in a string":
		return insertAt(text, q+1, "\n")
	case "invalid escape":
		return insertAt(text, q+1, `\q`)
	case "comment":
		return insertAt(text, sp.start+1, "/* c */")
	case "unquoted key":
		return insertAt(text, sp.start+1, "note: 1, ")
	}
	panic(kind)
}

// genNDJSON writes one event a line, with blank lines between, and lines that are rejected:
// each of those is one rejected record, and no other line is touched.
func genNDJSON(g *propGen) *propCase {
	c := &propCase{}
	var b bytes.Buffer
	if g.p(0.15) {
		b.WriteString("\ufeff")
		g.note("byte-order mark")
	}
	type line struct{ content, end int } // where the line's value starts, and ends
	var lines []line
	var safe []bool // whether a cut inside the line leaves a line that is rejected
	for i, n := 0, 1+g.n(12); i < n; i++ {
		if g.p(0.2) {
			b.WriteString(pick(g, "", "  ", "\t", " \t ") + g.nl)
			g.note("blank lines")
		}
		id := g.id()
		if g.p(0.15) {
			b.WriteString(pick(g, " ", "\t"))
		}
		content := b.Len()
		surrogate := g.p(0.04)
		text, reject := g.jsonEvent(id, false, "", surrogate)
		prefixSafe := true
		if !reject && g.p(0.3) {
			reject = true
			switch k := g.n(9); k {
			case 0:
				text = strings.Replace(text, `"id"`, `"id": "x", "id"`, 1)
				g.note("repeated key in an event")
			case 1:
				text = strings.Replace(text, `"s"`, `"\xff"`, 1)
				if !strings.Contains(text, "\xff") {
					text = strings.Replace(text, `"meeting"`, "\"meet\xc3ing\"", 1)
				}
				g.note("not UTF-8 in one line")
			case 2:
				text = strings.Replace(text, `"meeting"`, "\"meet\x00ing\"", 1)
				g.note("raw NUL in a line")
			case 3:
				text += "\x00"
				prefixSafe = false
				g.note("raw NUL in a line")
			case 4:
				text = strings.Replace(text, `"type":`, `"type"`, 1)
				g.note("syntax error in a line")
			case 5:
				text = text[:1+g.n(len(text)-1)]
				g.note("truncated line")
			case 6:
				second, _ := g.jsonEvent(g.id(), false, "", false)
				text += pick(g, "", " ") + second
				prefixSafe = false
				g.note("two values on a line")
			case 7:
				text = "[" + text + "]"
				g.note("a line that is not an object")
			case 8:
				text = strings.Replace(text, `"type":`, `"type":,`, 1)
				g.note("syntax error in a line")
			}
		}
		b.WriteString(text)
		end := b.Len()
		if g.p(0.15) {
			b.WriteString(pick(g, " ", "\t"))
		}
		c.truth = append(c.truth, truthEvent{id: id, reject: reject})
		lines = append(lines, line{content, end})
		safe = append(safe, prefixSafe)
		if i < n-1 || g.p(0.7) {
			b.WriteString(g.nl)
		}
	}
	text := b.Bytes()
	if last, l := len(lines)-1, lines[len(lines)-1]; safe[last] && l.end-l.content > 1 && g.p(0.15) { // truncated in the last line: that line is rejected
		text = text[:l.content+1+g.n(l.end-l.content-1)]
		c.truth[last].reject = true
		g.note("truncated")
	}
	c.text = text
	return c
}

// ---- YAML ----

// yLine is one line of an event in block style, without its indentation.
type yLine struct {
	text    string
	rejects bool // the event is rejected when it holds this line
	opener  bool // it opens a block (ends with ':'): what follows at the same indentation may be its value
	flow    bool // a flow collection, to cut in
	comment bool // a comment or a blank line
	col1    bool // a comment written in the first column
}

// yTarget is an event of a YAML input, where errors can be put.
type yTarget struct {
	truth  int   // its index in the ground truth
	keep   int   // events kept when it holds a syntax error: the documents before its own and, in a block list, the items before it
	flow   bool  // written in flow style ({...})
	open   int   // flow: the offset of its '{'
	lines  []int // block: the offset of each of its lines
	text   []yLine
	indent string // block: the indentation of its lines after the first
	// opensDoc: it is the first event of a document that follows one not closed by "...".
	opensDoc bool
	item     string // an item of a block list: the list's indentation ("" or "  "); else "-"
	flowAt   [2]int // the inside of a flow collection in it: from just after its opening bracket to its closing one
}

type yExpect struct {
	keep   int // events before it
	inline bool
	at     int // inline: the offset of its '{'; else the offset just past the "expect:" line's end
}

type yamlWriter struct {
	g        *propGen
	c        *propCase
	b        bytes.Buffer
	doc      int
	anchors  map[string]string // the anchors of the current document, by what they name
	targets  []yTarget
	expects  []yExpect
	expected map[string]bool // ids given an expectation
	docStart bool            // the next event written is the first of a document after one not closed by "..."
}

func (w *yamlWriter) line(s string) { w.b.WriteString(s + w.g.nl) }

// value gives the summary or sources of an event: sometimes defining an anchor, sometimes
// using one of the same document.
func (w *yamlWriter) value(what, v string) string {
	g := w.g
	if a, ok := w.anchors[what]; ok && g.p(0.5) {
		g.note("alias")
		return "*" + a
	}
	if _, ok := w.anchors[what]; !ok && g.p(0.3) {
		a := fmt.Sprintf("%s%d", what, w.doc)
		w.anchors[what] = a
		g.note("anchor")
		return "&" + a + " " + v
	}
	return v
}

func (w *yamlWriter) rejectReason() (yLine, bool) {
	g := w.g
	if !g.p(0.18) {
		return yLine{}, false
	}
	switch g.n(5) {
	case 0:
		g.note("repeated key in an event")
		return yLine{text: "type: other", rejects: true}, true
	case 1:
		g.note("escaped control character")
		return yLine{text: pick(g, `note: "esc \e[2J"`, `note: "override \u202e"`, `note: "nul \0"`), rejects: true}, true
	case 2:
		g.note("merge key")
		return yLine{text: "<<: {note: n}", rejects: true}, true
	case 3:
		g.note("nested too deep")
		return yLine{text: "deep: " + strings.Repeat("[", 40) + strings.Repeat("]", 40), rejects: true}, true
	default:
		g.note("repeated key deep in an event")
		return yLine{text: "parties: {from: {state: KP, state: RU}}", rejects: true}, true
	}
}

// blockLines are the lines of an event in block style; its id is always on the first.
func (w *yamlWriter) blockLines(id string) []yLine {
	g := w.g
	first := yLine{text: "id: " + id}
	if g.p(0.15) {
		first.text += " # the id"
		g.note("comments")
	}
	body := []yLine{
		{text: "type: meeting"},
		{text: "date: 2024-01"},
		{text: "summary: " + w.value("sum", pick(g, "s", `"quoted: s"`, "'single'", "평양 é"))},
		{text: "claims: [{status: reported, by: {country: US}}]", flow: true},
		{text: "sources: " + w.value("src", "[{id: s, publisher: p}]")},
		{text: "evidence: [{quote: q, source: s}]", flow: true},
	}
	if g.p(0.4) {
		g.r.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	}
	if g.p(0.25) { // a nested block, with a list in it
		at := g.n(len(body) + 1)
		body = slices.Insert(body, at, yLine{text: "x:", opener: true}, yLine{text: "  note: n"},
			yLine{text: "  list:", opener: true}, yLine{text: "    - 1"}, yLine{text: "    - two"})
		g.note("nested block")
	}
	if l, ok := w.rejectReason(); ok {
		body = append(body, l)
	}
	lines := []yLine{first}
	for _, l := range body {
		if g.p(0.1) {
			c := pick(g, yLine{comment: true}, yLine{text: "# a comment", comment: true}, yLine{text: "# a comment", comment: true, col1: true})
			if c.text == "" {
				g.note("blank lines")
			} else {
				g.note("comments")
			}
			lines = append(lines, c)
		}
		if g.p(0.1) && !l.opener && !strings.HasPrefix(l.text, "  ") {
			l.text += "  # trailing"
			g.note("comments")
		}
		lines = append(lines, l)
	}
	return lines
}

// flowEvent is an event in flow style, on one line.
func (w *yamlWriter) flowEvent(id string) (string, bool) {
	g := w.g
	parts := []string{"id: " + id, "type: meeting", "date: 2024-01", "summary: " + w.value("sum", pick(g, "s", "plain s", `"quoted, s"`)),
		"claims: [{status: reported, by: {country: US}}]", "sources: " + w.value("src", "[{id: s, publisher: p}]"),
		"evidence: [{quote: q, source: s}]"}
	reject := false
	if l, ok := w.rejectReason(); ok {
		parts, reject = append(parts, l.text), true
	}
	return "{" + strings.Join(parts, ", ") + "}", reject
}

// event writes one event: in block style, its first line after firstPrefix and the others at
// indent; or in flow style. keep is what a syntax error in it keeps.
func (w *yamlWriter) event(firstPrefix, indent string, flow bool, keep int, end string) {
	id := w.g.id()
	t := yTarget{truth: len(w.c.truth), keep: keep, flow: flow, indent: indent, item: "-"}
	reject := false
	if flow {
		text, rej := w.flowEvent(id)
		w.b.WriteString(firstPrefix)
		t.open = w.b.Len()
		t.flowAt = [2]int{t.open + 1, t.open + len(text) - 1}
		w.b.WriteString(text + end)
		reject = rej
		w.g.note("flow-style event")
	} else {
		t.text = w.blockLines(id)
		for i, l := range t.text {
			t.lines = append(t.lines, w.b.Len())
			switch {
			case i == 0:
				w.b.WriteString(firstPrefix)
			case l.text == "" || l.col1:
			default:
				w.b.WriteString(indent)
			}
			if l.flow && t.flowAt[1] == 0 {
				open := w.b.Len() + strings.IndexByte(l.text, '[')
				t.flowAt = [2]int{open + 1, w.b.Len() + strings.LastIndexByte(l.text, ']')}
			}
			w.b.WriteString(l.text + w.g.nl)
			reject = reject || l.rejects
		}
	}
	w.c.truth = append(w.c.truth, truthEvent{id: id, reject: reject})
	t.opensDoc, w.docStart = w.docStart, false
	w.targets = append(w.targets, t)
}

// blockList writes n events as a block list at indent; items are in block or flow style.
func (w *yamlWriter) blockList(indent string, n int) {
	for range n {
		if w.g.p(0.15) {
			w.line(pick(w.g, "", "# between items", indent+"# between items"))
			w.g.note("comments")
		}
		w.event(indent+"- ", indent+"  ", w.g.p(0.2), len(w.c.truth), w.g.nl)
		w.targets[len(w.targets)-1].item = indent
	}
}

// flowList writes n events as a flow list, on one line or several: a syntax error in it loses
// it whole.
func (w *yamlWriter) flowList(n int, multiline bool) {
	keep := len(w.c.truth)
	w.g.note("flow list of events")
	if multiline {
		w.line("[")
		for i := range n {
			end := "," + w.g.nl
			if i == n-1 {
				end = w.g.nl
			}
			w.event("  ", "", true, keep, end)
		}
		w.line("]")
		return
	}
	w.b.WriteString("[")
	for i := range n {
		end := ", "
		if i == n-1 {
			end = ""
		}
		w.event("", "", true, keep, end)
	}
	w.b.WriteString("]" + w.g.nl)
}

func (w *yamlWriter) wrapper() {
	g := w.g
	g.note("wrapper mapping")
	entries := []string{"events"}
	if g.p(0.25) {
		entries = append(entries, "events")
	}
	if g.p(0.5) {
		entries = append(entries, "expect")
		if g.p(0.15) {
			entries = append(entries, "expect")
		}
	}
	if g.p(0.25) {
		entries = append(entries, "evnets")
	}
	g.r.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
	seen := map[string]int{}
	for _, key := range entries {
		if g.p(0.1) {
			w.line("# a comment between keys")
			g.note("comments")
		}
		at := w.b.Len()
		name := key
		if key == "events" && g.p(0.2) {
			name = pick(g, `"events"`, `'events'`, `"ev\x65nts"`)
			g.note("quoted events key")
		}
		seen[key]++
		switch {
		case seen[key] == 2:
			w.c.problems = append(w.c.problems, wantProblem{fmt.Sprintf("duplicate top-level key %q", key), at})
			g.note("repeated top-level " + key + " key")
		case key == "evnets":
			w.c.problems = append(w.c.problems, wantProblem{`unknown top-level key "evnets"`, at})
			g.note("unknown top-level key")
		}
		switch key {
		case "events":
			n := 1 + g.n(4)
			if seen[key] == 2 {
				n--
			}
			switch {
			case n == 0:
				w.line(name + pick(g, ":", ": []"))
			case g.p(0.25):
				w.b.WriteString(name + ": ")
				w.flowList(n, false)
			default:
				w.line(name + ":")
				w.blockList(pick(g, "", "  "), n)
			}
		case "expect":
			g.note("expect block")
			keep := len(w.c.truth)
			if g.p(0.3) {
				w.b.WriteString("expect: ")
				w.expects = append(w.expects, yExpect{keep: keep, inline: true, at: w.b.Len()})
				w.line("{}")
				break
			}
			w.b.WriteString("expect:")
			w.expects = append(w.expects, yExpect{keep: keep, at: w.b.Len()})
			w.b.WriteString(g.nl)
			ids := []string{"expected-" + g.id()} // ids given once: a second expectation for one is a problem
			if len(w.c.truth) > 0 && !w.expected[w.c.truth[len(w.c.truth)-1].id] {
				ids = append(ids, w.c.truth[len(w.c.truth)-1].id)
				w.expected[w.c.truth[len(w.c.truth)-1].id] = true
			}
			for _, id := range ids {
				w.line("  " + id + ": {rules: []}")
			}
		case "evnets":
			w.line("evnets:")
			for range 1 + g.n(2) {
				id := "ghost-" + g.id()
				w.c.ghosts = append(w.c.ghosts, id)
				w.line("  - {id: " + id + "}")
			}
		}
	}
}

// The syntax errors put in a YAML event: each a line of its own among the event's lines, or
// (flow style) text right after its '{'.
var yamlBlockErrors = []string{"mapping value in a value", "unclosed flow sequence", "unclosed double quote",
	"unclosed single quote", "tab indentation", "NUL in a value", "control character in a value",
	"unknown alias", "list item in a mapping", "colon after the id", "stray character"}

var yamlFlowErrors = map[string]string{"mapping value in a value": "note: a: b, ", "NUL in a value": "\x00",
	"control character in a value": "\x1b", "unknown alias": "note: *nope, ", "stray character": "@ "}

func genYAML(g *propGen) *propCase {
	c := &propCase{}
	w := &yamlWriter{g: g, c: c, expected: map[string]bool{}}
	if g.p(0.1) {
		w.b.WriteString("\ufeff")
		g.note("byte-order mark")
	}
	if g.p(0.2) {
		w.line("# events of a report")
		g.note("comments")
	}
	docs, closed := 1+g.n(3), false
	if docs > 1 {
		g.note("document stream")
	}
	for d := range docs {
		w.doc, w.anchors = d, map[string]string{}
		if d > 0 || g.p(0.3) {
			if d > 0 && g.p(0.1) {
				w.line("---")
				w.line("# an empty document")
				g.note("empty document")
			}
			w.line(pick(g, "---", "--- # next"))
		}
		w.docStart = d > 0 && !closed
		switch pick(g, "single", "single", "block", "block", "block", "flow", "wrapper", "wrapper") {
		case "single":
			w.event("", "", g.p(0.2), len(c.truth), g.nl)
			g.note("single event document")
		case "block":
			w.blockList(pick(g, "", "  "), 1+g.n(5))
			g.note("block list of events")
		case "flow":
			w.flowList(1+g.n(4), g.p(0.5))
		case "wrapper":
			w.wrapper()
		}
		closed = g.p(0.15)
		if closed {
			w.line("...")
			g.note("document end marker")
		}
	}
	text := w.b.Bytes()
	var block, multiline, flowStyle, flows, items []yTarget
	for _, t := range w.targets {
		if t.item != "-" {
			items = append(items, t)
		}
		if t.flow {
			flowStyle = append(flowStyle, t)
		} else {
			block = append(block, t)
			if len(t.lines) > 1 {
				multiline = append(multiline, t)
			}
		}
		if t.flowAt[1] > 0 {
			flows = append(flows, t)
		}
	}
	modes := []string{"clean", "clean", "clean", "clean", "clean", "clean", "clean", "clean", "utf8", "flow cut", "flow cut"}
	if len(flowStyle) > 0 {
		modes = append(modes, "flow error", "flow error", "flow error")
	}
	if len(block) > 0 {
		modes = append(modes, "block error", "block error", "block error", "block error", "block error", "block error", "block error", "block error")
	}
	if len(multiline) > 0 {
		modes = append(modes, "line cut", "line cut")
	}
	if len(w.expects) > 0 {
		modes = append(modes, "expect", "expect", "expect")
	}
	if len(items) > 0 {
		modes = append(modes, "between items")
	}
	switch pick(g, modes...) {
	case "flow error": // a syntax error in an event in flow style
		t := flowStyle[g.n(len(flowStyle))]
		c.broken, c.keep = true, t.keep
		kind := inTurn(g, slices.Sorted(maps.Keys(yamlFlowErrors)))
		opening := slices.DeleteFunc(slices.Clone(flowStyle), func(t yTarget) bool { return !t.opensDoc })
		if kind == "stray character" && len(opening) > 0 && g.p(0.8) {
			t = opening[g.n(len(opening))]
			c.keep = t.keep
		}
		g.note("syntax error: " + kind)
		if kind == "stray character" && t.opensDoc {
			// yaml.v3 finds it while it ends the document before, which is whole all the same
			g.note("syntax error: stray character opening a document")
		}
		text = insertAt(text, t.open+1, yamlFlowErrors[kind])
	case "block error": // a syntax error in an event in block style
		kind := inTurn(g, yamlBlockErrors)
		t := block[g.n(len(block))]
		opening := slices.DeleteFunc(slices.Clone(block), func(t yTarget) bool { return !t.opensDoc })
		if kind == "stray character" && len(opening) > 0 && g.p(0.8) {
			t = opening[g.n(len(opening))]
		}
		quote := map[string]string{"unclosed double quote": `"`, "unclosed single quote": "'"}[kind]
		if later := slices.DeleteFunc(slices.Clone(block), func(t yTarget) bool {
			return !bytes.Contains(text[t.lines[0]:], []byte(quote))
		}); quote != "" && len(later) > 0 && g.p(0.8) {
			t = later[g.n(len(later))] // one that a later quote may close
		}
		c.broken, c.keep = true, t.keep
		g.note("syntax error: " + kind)
		if kind == "stray character" { // before the id's key: on the first line of a document, when t opens one
			// yaml.v3 finds it while it ends the document before, which is whole all the same
			if t.opensDoc {
				g.note("syntax error: stray character opening a document")
			}
			text = insertAt(text, t.lines[0]+bytes.Index(text[t.lines[0]:], []byte("id: ")), "@")
			break
		}
		if kind == "colon after the id" { // before any comment on the line
			id := c.truth[t.truth].id
			text = insertAt(text, t.lines[0]+bytes.Index(text[t.lines[0]:], []byte(id))+len(id), ": x")
			break
		}
		// the line goes after one of the event's lines that opens no block
		var after []int
		for i, l := range t.text {
			if !l.opener && (kind != "list item in a mapping" || !opensBefore(t.text, i)) {
				after = append(after, i)
			}
		}
		i := after[g.n(len(after))]
		if quote != "" && g.p(0.5) {
			i = after[0] // before the most lines of t, which may hold a quote
		}
		at := t.lines[i] + bytes.IndexByte(text[t.lines[i]:], '\n') + 1 // the start of the next line
		text = insertAt(text, at, yamlErrorLine(kind, t.indent)+g.nl)
		if quote != "" && bytes.Contains(text[at+len(yamlErrorLine(kind, t.indent)):], []byte(quote)) {
			g.note("syntax error: quote closed by a later one") // yaml.v3 reports the error further on
		}
	case "between items": // a line with a character YAML refuses, after an item of a block list
		// and in the list's column or further out: it cannot go on with that item, which is kept.
		t := items[g.n(len(items))]
		c.broken, c.keep = true, t.truth+1
		g.note("syntax error: refused character between items")
		at := t.open
		if !t.flow {
			at = t.lines[len(t.lines)-1]
		}
		at += bytes.IndexByte(text[at:], '\n') + 1 // the start of the line after the item
		text = insertAt(text, at, pick(g, "", t.item)+pick(g, "\x00", "\x1b", "# \x00", "\x00 # x")+g.nl)
	case "expect": // in an expect block
		e := w.expects[g.n(len(w.expects))]
		g.note("syntax error in expect")
		c.broken, c.keep = true, e.keep
		if e.inline {
			text = insertAt(text, e.at+1, "@")
		} else {
			text = insertAt(text, e.at+len(g.nl), "  bad: {rules: [}"+g.nl)
		}
	case "utf8": // a byte that is not UTF-8: the input is rejected whole
		t := w.targets[g.n(len(w.targets))]
		at := t.open + 1
		if !t.flow {
			at = t.lines[0] + bytes.IndexAny(text[t.lines[0]:], "\r\n")
		}
		text = insertAt(text, at, pick(g, "\xff", "\xc3(", "\xed\xa0\x80"))
	case "line cut": // truncated at the end of a line: still YAML, the last event shorter
		t := multiline[g.n(len(multiline))]
		j := 1 + g.n(len(t.lines)-1)
		cut := t.lines[j]
		g.note("truncated at a line end")
		text = text[:cut]
		c.truth = c.truth[:t.truth+1]
		c.truth[t.truth].reject = slices.ContainsFunc(t.text[:j], func(l yLine) bool { return l.rejects })
		c.problems = slices.DeleteFunc(c.problems, func(p wantProblem) bool { return p.at >= cut })
		c.ghosts = nil
	case "flow cut": // truncated inside a flow collection: a syntax error
		t := flows[g.n(len(flows))]
		cut := t.flowAt[0] + g.n(t.flowAt[1]-t.flowAt[0]+1)
		g.note("truncated inside a flow collection")
		text = text[:cut]
		c.broken, c.keep = true, t.keep
		c.truth = c.truth[:t.truth+1]
	}
	c.text = text
	return c
}

// opensBefore says whether the content line before line i of an event (comments and blank
// lines left out) opens a block: a list item after it would be its value, not an error.
func opensBefore(lines []yLine, i int) bool {
	for ; i >= 0; i-- {
		if !lines[i].comment {
			return lines[i].opener
		}
	}
	return false
}

func yamlErrorLine(kind, indent string) string {
	switch kind {
	case "mapping value in a value":
		return indent + "note: a: b"
	case "unclosed flow sequence":
		return indent + "note: [oops"
	case "unclosed double quote":
		return indent + `note: "oops`
	case "unclosed single quote":
		return indent + "note: 'oops"
	case "tab indentation":
		return "\tnote: x"
	case "NUL in a value":
		return indent + "note: a\x00b"
	case "control character in a value":
		return indent + "note: a\x1bb"
	case "unknown alias":
		return indent + "note: *nope"
	case "list item in a mapping":
		return indent + "- x"
	}
	panic(kind)
}

var wantCovered = map[events.Format][]string{
	events.YAML: {"single event document", "block list of events", "flow list of events", "wrapper mapping", "document stream",
		"empty document", "document end marker", "anchor", "alias", "comments", "blank lines", "CRLF line endings", "byte-order mark",
		"nested block", "flow-style event", "expect block", "quoted events key", "repeated top-level events key",
		"repeated top-level expect key", "unknown top-level key", "repeated key in an event", "repeated key deep in an event",
		"escaped control character", "merge key", "nested too deep", "syntax error in expect", "not UTF-8",
		"truncated at a line end", "truncated inside a flow collection",
		"syntax error: mapping value in a value", "syntax error: unclosed flow sequence", "syntax error: unclosed double quote",
		"syntax error: unclosed single quote", "syntax error: tab indentation", "syntax error: NUL in a value",
		"syntax error: control character in a value", "syntax error: unknown alias", "syntax error: list item in a mapping",
		"syntax error: colon after the id", "syntax error: stray character", "syntax error: stray character opening a document",
		"syntax error: quote closed by a later one", "syntax error: refused character between items"},
	events.JSON: {"single event object", "array of events", "wrapper object", "concatenated values", "pretty-printed",
		"CRLF line endings", "byte-order mark", "expect block", "escaped events key", "repeated top-level events key",
		"repeated top-level expect key", "unknown top-level key", "repeated key in an event", "repeated key deep in an event",
		"escaped control character", "nested too deep", "truncated", "not UTF-8", "syntax error in expect",
		"syntax error: missing comma", "syntax error: NUL between values", "syntax error: stray character",
		"syntax error: missing colon", "syntax error: trailing comma", "syntax error: raw NUL in a string",
		"syntax error: raw control character in a string", "syntax error: raw line break in a string",
		"syntax error: invalid escape", "syntax error: comment", "syntax error: unquoted key"},
	events.NDJSON: {"blank lines", "CRLF line endings", "byte-order mark", "repeated key in an event", "repeated key deep in an event",
		"escaped control character", "nested too deep", "not UTF-8 in one line", "raw NUL in a line", "syntax error in a line",
		"truncated line", "two values on a line", "a line that is not an object", "truncated", "lone surrogate escape (NDJSON)"},
}
