package extract

import "strings"

// trigger is an event word of a sentence.
type trigger struct {
	i, n    int
	kind    string // ta, help, deploy, transfer, receive, carry, use, launch, fire, cooperation, meeting, agreement
	noun    bool   // "the transfer of", "a visit": not a verb
	anaphor bool
	items   []mention
}

// kinds in the order a word is tried; the longest phrase wins, then the first kind.
var triggerKinds = []struct{ list, kind string }{
	{"technical_assistance", "ta"}, {"deploy", "deploy"}, {"agreement", "agreement"}, {"cooperation", "cooperation"},
	{"meeting", "meeting"}, {"transfer", "transfer"}, {"receive", "receive"}, {"carry", "carry"},
	{"use", "use"}, {"launch", "launch"}, {"help", "help"}, {"presence", "presence"},
}

// determiners before a noun make it one told of before: "the transfer", "such missiles".
var determiners = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true,
	"such": true, "its": true, "their": true, "his": true, "her": true}

// triggers finds the event words of a sentence that are not negated, modal or banned.
func (st *state) triggers(s *sentence) []trigger {
	lx := st.x.lx
	var out []trigger
	for i := 0; i < len(s.toks); {
		if m, ok := s.mentionAt(i); ok && m.start == i && (m.actor != nil || (m.isItem() && m.end-m.start > 1)) {
			i = m.end // words inside a name or a multi-word item are not event words
			continue
		}
		best, kind := 0, ""
		for _, k := range triggerKinds {
			if n := lx.has(s.toks, i, k.list); n > best {
				best, kind = n, k.kind
			}
		}
		if best == 0 {
			i++
			continue
		}
		if kind == "use" && lx.has(s.toks, i, "launch") == best {
			kind = "fire" // launched, fired: a launch, or the use of another state's weapons
		}
		if kind == "use" && i > 0 && s.toks[i-1].w == "for" {
			i += best // "for use in": a purpose
			continue
		}
		if participle(s, i, best) {
			i += best // "a visiting American scientist": an adjective, not an event
			continue
		}
		t := trigger{i: i, n: best, kind: kind, noun: lx.listed(s.toks[i].w, "event_noun") && best == 1}
		if t.noun && i > 0 && (determiners[s.toks[i-1].w] || s.toks[i-1].possessive()) {
			// "the transfer", "Choe's visit": told of before; but "Pyongyang's transfer of
			// artillery shells to Moscow" tells it whole.
			t.anaphor = !(s.toks[i-1].possessive() && kind == "transfer" && i+best < len(s.toks) && s.toks[i+best].w == "of")
		}
		if !st.negated(s, i) {
			out = append(out, t)
		} else {
			s.suppressed = true // "is expected to send": no event, and no elaboration either
		}
		i += best
	}
	return out
}

// participle says whether an -ing event word is an adjective: after "a" or "an" ("a visiting
// scientist", "a shipping company"; "the smuggling shows" is a noun, and an event).
func participle(s *sentence, i, n int) bool {
	if n != 1 || i == 0 || !strings.HasSuffix(s.toks[i].w, "ing") {
		return false
	}
	return s.toks[i-1].w == "a" || s.toks[i-1].w == "an"
}

func hasKind(trigs []trigger, kind string, from, to int) bool {
	for _, t := range trigs {
		if t.kind == kind && t.i >= from && t.i < to {
			return true
		}
	}
	return false
}

// taAfter says whether a technical-assistance phrase follows a verb closely: "provided technical
// assistance", "received Russian technical assistance".
func taAfter(trigs []trigger, ti int, s *sentence) bool {
	for _, t := range trigs[ti+1:] {
		if t.kind == "ta" && t.i-trigs[ti].i <= 4 && s.clauseStart(t.i) == s.clauseStart(trigs[ti].i) {
			return true
		}
	}
	return false
}

// negated says whether a negation, a modal, a wish or a ban comes in the four words before
// token i in its segment (the s of "Korea's" is not a word: "which cap North Korea's coal
// exports").
func (st *state) negated(s *sentence, i int) bool {
	lx := st.x.lx
	words := 0
	for k := i - 1; k >= 0 && words < 4; k-- {
		if !s.toks[k].possessive() {
			words++
		}
		if s.toks[k+1].comma() && k+1 <= i && k+1 != i {
			break
		}
		if lx.has(s.toks, k, "negation") > 0 {
			return true
		}
		if n := lx.has(s.toks, k, "ban"); n > 0 {
			if k+n == i && lx.listed(s.toks[i].w, "event_noun") {
				continue // "banned exports": exports that broke a ban
			}
			return true
		}
		if k == i-1 && s.toks[k].w == "against" {
			return true // "warned Moscow against buying weapons": a warning
		}
		if n := lx.has(s.toks, k, "wish"); n > 0 && k+n <= i {
			return true // "seeking to buy"
		}
		if n := lx.has(s.toks, k, "modal"); n > 0 && k+n <= i {
			if k+n < len(s.toks) && s.toks[k+n].w == "have" {
				continue // "may have supplied": a hedge, not a modal
			}
			return true
		}
		if s.toks[k].comma() {
			break
		}
	}
	return false
}
