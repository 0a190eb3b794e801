package report_test

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/report"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// The HTML page's print stylesheet, its category labels and its narrow layout, checked on the
// rendered page: its CSS is parsed and applied to its elements by a small cascade (below) that
// knows what the page's stylesheet uses (type, id, class and attribute selectors, descendant
// combinators, ::after, @media blocks, !important, specificity, inheritance when asked).

// longWord is a quote with no place to break, as a pasted URL or an identifier can be.
var longWord = strings.Repeat("Pyongyang-Vladivostok-", 12) + "containers"

// categoriesReport has findings of three categories: two the shipped library titles
// (arms_embargo, missile_programme) and one it does not know (cyber_ops); one of them cites a
// source with an address, one has a quote with no place to break, and one event's finding was
// exempted (its card links the exemption's record).
func categoriesReport() *report.Report {
	cite := func(res, para string) evaluator.Citation {
		return evaluator.Citation{Resolution: res, Paragraph: para, Summary: "Prohibited.", URL: "https://docs.un.org/en/S/RES/" + res}
	}
	rules := []evaluator.Rule{
		{ID: "DPRK-ARMS-EXPORT", Title: "Arms from the DPRK", Category: "arms_embargo", Severity: "high", Regime: "DPRK"},
		{ID: "DPRK-BALLISTIC-LAUNCH", Title: "Launches", Category: "missile_programme", Severity: "high", Regime: "DPRK"},
		{ID: "DPRK-CYBER-TEST", Title: "Intrusions", Category: "cyber_ops", Severity: "medium", Regime: "DPRK"},
	}
	rep := report.New(rules)
	finding := func(r evaluator.Rule, event string, verdict string) evaluator.Finding {
		return evaluator.Finding{RuleID: r.ID, Title: r.Title, Regime: r.Regime, Category: r.Category, Severity: r.Severity,
			Verdict: verdict, Confidence: "medium", EventID: event, Citations: []evaluator.Citation{cite("1718(2006)", "8")},
			Reasoning: []string{"The supplier is North Korea.", "The items are within the measures."},
			Evidence:  []evaluator.Evidence{{Quote: "shipped containers", Source: "s"}}}
	}
	sources := []evaluator.Source{{ID: "s", Publisher: "Example News", URL: "https://news.example/2024/containers"}}
	at := func(line int) evaluator.Location { return evaluator.Location{File: "in/events.yaml", Line: line} }
	rep.Add(evaluator.Verdict{EventID: "containers", Location: at(1),
		Event:    evaluator.EventInfo{Type: "transfer", Date: "2024-01", Summary: "Containers went by sea.", Sources: sources},
		Findings: []evaluator.Finding{finding(rules[0], "containers", evaluator.PossibleViolation)}})
	launch := finding(rules[1], "launch", evaluator.NeedsReview)
	launch.Evidence = []evaluator.Evidence{{Quote: longWord, Source: "s"}}
	rep.Add(evaluator.Verdict{EventID: "launch", Location: at(11),
		Event:    evaluator.EventInfo{Type: "launch", Date: "2024-03", Summary: "A launch was reported.", Sources: sources},
		Findings: []evaluator.Finding{launch}})
	exempted := finding(rules[0], "intrusion", evaluator.PossibleViolation)
	exempted.Exemption = &evaluator.Exemption{ID: "EX-1", Kind: "humanitarian", Basis: "2397 (2017) 25",
		Reference: "A committee approval", URL: "https://committee.example/ex-1", Reason: "The supplier is the one exempted."}
	rep.Add(evaluator.Verdict{EventID: "intrusion", Location: at(21),
		Event:    evaluator.EventInfo{Type: "transfer", Date: "2024-02", Summary: "Servers were entered.", Sources: sources},
		Findings: []evaluator.Finding{finding(rules[2], "intrusion", evaluator.NeedsReview)},
		Exempted: []evaluator.Finding{exempted}})
	return rep
}

// render writes rep with h and parses the page.
func render(t *testing.T, h report.HTML, rep *report.Report) *html.Node {
	t.Helper()
	var buf bytes.Buffer
	if err := h.Render(&buf, rep); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// libraryHTML is the HTML renderer as `sanctions check` makes it: the shipped library's
// colours and titles.
func libraryHTML(t *testing.T) report.HTML {
	lib := testrules.Library(t)
	return report.HTML{Colours: lib.CategoryColours(), Labels: lib.CategoryTitles()}
}

// TestHTMLPrintStylesheet: printed, the page has no controls, no fixed or sticky element, black
// text on white, every finding (also those the filter hides on screen) in full and none split
// over pages, the timeline whole, and each link to another document followed by its address.
func TestHTMLPrintStylesheet(t *testing.T) {
	doc := render(t, libraryHTML(t), categoriesReport())
	css := parseCSS(t, styleOf(t, doc))
	if !slices.ContainsFunc(css, func(r cssRule) bool { return r.media == "print" }) {
		t.Fatal("the page has no @media print block")
	}
	var controls []*html.Node
	for _, n := range all(doc) {
		if slices.Contains([]string{"input", "select", "button", "textarea"}, n.Data) {
			controls = append(controls, n)
		}
	}
	if len(controls) < 4 {
		t.Fatalf("%d controls on the page, want the text box and the three selects", len(controls))
	}
	for _, n := range controls {
		if hidden(css, n, onScreen) {
			t.Errorf("%s is hidden on screen", describe(n))
		}
		if !hidden(css, n, inPrint) {
			t.Errorf("%s is printed", describe(n))
		}
	}
	for _, n := range find(doc, func(*html.Node) bool { return true }) {
		if p := css.value(n, "position", "", inPrint, false); p == "fixed" || p == "sticky" {
			t.Errorf("%s is %s in print", describe(n), p)
		}
		if n.Data == "details" && !hasAttr(n, "open") {
			t.Errorf("%s prints closed", describe(n))
		}
	}
	body := find(doc, func(n *html.Node) bool { return n.Data == "body" })[0]
	if c, b := css.value(body, "color", "", inPrint, true), css.value(body, "background", "", inPrint, false); c != "#000" || b != "#fff" {
		t.Errorf("printed body: color %q on %q, want #000 on #fff", c, b)
	}
	badges := find(doc, hasClass("badge"))
	if len(badges) < 6 {
		t.Fatalf("%d badges, want a severity and a category badge per finding", len(badges))
	}
	for _, n := range badges {
		if c := css.value(n, "color", "", inPrint, true); c != "#000" {
			t.Errorf("%s prints in %q, not black", describe(n), c)
		}
	}

	// The filter hides rows and cards by adding the class hidden: printed, they are all there.
	cards, rows := find(doc, hasClass("card")), find(doc, hasClass("finding-row"))
	if len(cards) != 3 || len(rows) != 3 {
		t.Fatalf("%d cards and %d rows, want 3 and 3", len(cards), len(rows))
	}
	for _, n := range append(cards, rows...) {
		setAttr(n, "class", attr(n, "class")+" hidden")
		if !hidden(css, n, onScreen) {
			t.Errorf("%s, filtered out, is still shown on screen", describe(n))
		}
		if hidden(css, n, inPrint) {
			t.Errorf("%s, filtered out on screen, is not printed", describe(n))
		}
	}
	for _, n := range append(cards, find(doc, hasClass("exempted-card"))...) {
		if b := css.value(n, "break-inside", "", inPrint, false); b != "avoid" {
			t.Errorf("%s: break-inside %q in print, want avoid", describe(n), b)
		}
	}
	timeline := byID(t, doc, "timeline")
	if hidden(css, timeline, inPrint) {
		t.Error("the timeline is not printed")
	}
	if b := css.value(timeline.Parent, "break-inside", "", inPrint, false); b != "avoid" {
		t.Errorf("the timeline's section: break-inside %q in print, want avoid", b)
	}

	external, internal := 0, 0
	for _, a := range find(doc, func(n *html.Node) bool { return n.Data == "a" && hasAttr(n, "href") }) {
		href, content := attr(a, "href"), css.value(a, "content", "::after", inPrint, false)
		switch {
		case strings.HasPrefix(href, "#"):
			internal++
			if content != "" && content != "none" {
				t.Errorf("the link to %s on the same page prints %s after it", href, content)
			}
		case text(a) == href:
			if content != "" && content != "none" {
				t.Errorf("the link %s, which shows its address, prints it again: %s", href, content)
			}
		default:
			external++
			if !strings.Contains(content, "attr(href)") {
				t.Errorf("the link to %s prints %q after it, not its address", href, content)
			}
		}
	}
	if external < 3 || internal < 3 {
		t.Errorf("%d links to other documents and %d within the page, want 3 of each at least", external, internal)
	}
}

// TestHTMLCategoryLabels: the reader sees each category's label, the library's title or, for a
// category it does not title, the key made readable; the key stays in data-category, which the
// filter compares with the value of the option chosen.
func TestHTMLCategoryLabels(t *testing.T) {
	lib := testrules.Library(t)
	titles := lib.CategoryTitles()
	want := map[string]string{ // key -> label
		"arms_embargo":      titles["arms_embargo"],
		"missile_programme": titles["missile_programme"],
		"cyber_ops":         "Cyber ops", // not in the library: underscores to spaces, first letter upper-case
	}
	if want["missile_programme"] != "Ballistic missile programme" || want["arms_embargo"] != "Arms embargo" {
		t.Fatalf("the library's titles are not the ones this test was written for: %v", titles)
	}
	if _, ok := titles["cyber_ops"]; ok {
		t.Fatal("the library titles cyber_ops: this test needs a category it does not know")
	}
	rep := categoriesReport()
	doc := render(t, libraryHTML(t), rep)

	// The filter: an option per category, its value the key, its text the label, in key order.
	sel := byID(t, doc, "filter-category")
	var values, labels []string
	for _, o := range find(sel, func(n *html.Node) bool { return n.Data == "option" && attr(n, "value") != "" }) {
		values, labels = append(values, attr(o, "value")), append(labels, text(o))
	}
	if keys := []string{"arms_embargo", "cyber_ops", "missile_programme"}; !slices.Equal(values, keys) ||
		!slices.Equal(labels, []string{want[keys[0]], want[keys[1]], want[keys[2]]}) {
		t.Errorf("category options: values %q, labels %q", values, labels)
	}
	// What the filter compares the option's value with: data-category, the key.
	rows, cards := find(doc, hasClass("finding-row")), find(doc, hasClass("card"))
	var rowKeys []string
	for _, n := range append(rows, cards...) {
		key := attr(n, "data-category")
		if _, ok := want[key]; !ok {
			t.Errorf("%s: data-category %q is not a key", describe(n), key)
		}
		rowKeys = append(rowKeys, key)
	}
	slices.Sort(rowKeys)
	if rowKeys = slices.Compact(rowKeys); !slices.Equal(rowKeys, values) {
		t.Errorf("the rows' and cards' categories %q, the filter's %q", rowKeys, values)
	}
	// Each card names its category, as a badge.
	for _, c := range cards {
		key := attr(c, "data-category")
		badge := find(c, hasClass("category"))
		if len(badge) != 1 || text(badge[0]) != want[key] || attr(badge[0], "data-category") != key {
			t.Errorf("card %s: category badge %v, want one saying %q", attr(c, "id"), texts(badge), want[key])
		}
		if search := attr(c, "data-search"); !strings.Contains(search, key) || !strings.Contains(search, strings.ToLower(want[key])) {
			t.Errorf("card %s: the filter's text %q has not both the key and the label", attr(c, "id"), search)
		}
	}
	// The timeline's legend and tooltips.
	timeline := byID(t, doc, "timeline")
	var legend []string
	for _, n := range find(timeline, func(n *html.Node) bool { return n.Data == "text" && hasAttr(n, "dx") }) {
		legend = append(legend, text(n))
	}
	if !slices.Equal(legend, labels) {
		t.Errorf("legend %q, want %q", legend, labels)
	}
	tips := texts(find(timeline, func(n *html.Node) bool { return n.Data == "title" }))
	if len(tips) != 3 {
		t.Errorf("tooltips %q, want one per month with a finding", tips)
	}
	for _, tip := range tips {
		if !slices.ContainsFunc(labels, func(l string) bool { return strings.HasSuffix(tip, " "+l) }) {
			t.Errorf("tooltip %q does not end with a label", tip)
		}
	}
	// Nowhere does a reader see a key: no text of the page (scripts and styles aside) has one.
	for _, n := range all(doc) {
		if n.Type != html.TextNode || n.Parent.Data == "script" || n.Parent.Data == "style" {
			continue
		}
		for key := range want {
			if strings.Contains(n.Data, key) {
				t.Errorf("the page shows the key %s in %q (in %s)", key, n.Data, describe(n.Parent))
			}
		}
	}

	// Without the library's titles, every label is derived from its key.
	bare := render(t, report.HTML{}, rep)
	labels = nil
	for _, o := range find(byID(t, bare, "filter-category"), func(n *html.Node) bool { return n.Data == "option" && attr(n, "value") != "" }) {
		labels = append(labels, text(o))
	}
	if !slices.Equal(labels, []string{"Arms embargo", "Cyber ops", "Missile programme"}) {
		t.Errorf("derived labels %q", labels)
	}
}

// TestHTMLNarrowLayout: at 400 px the page needs no horizontal scrolling: nothing is set wider
// than the screen, the counts and the filters wrap, each table scrolls in a box of its own,
// the timeline scales to the width, and long words, addresses and quotes wrap.
func TestHTMLNarrowLayout(t *testing.T) {
	doc := render(t, libraryHTML(t), categoriesReport())
	css := parseCSS(t, styleOf(t, doc))
	if !slices.ContainsFunc(css, func(r cssRule) bool { return r.media == "(max-width: 600px)" }) {
		t.Fatal("the page has no @media (max-width: 600px) block")
	}
	px := regexp.MustCompile(`(\d+(?:\.\d+)?)px`)
	for _, r := range css {
		if !narrow(r.media) {
			continue
		}
		for _, p := range []string{"width", "min-width", "flex-basis"} {
			d, ok := r.decls[p]
			if !ok {
				continue
			}
			for _, m := range px.FindAllStringSubmatch(d.value, -1) {
				if v, _ := strconv.ParseFloat(m[1], 64); v > 376 { // 400 px less the page's margins
					t.Errorf("%s { %s: %s } is wider than a 400 px screen", strings.Join(r.selectors, ", "), p, d.value)
				}
			}
		}
	}
	if w := css.value(byID(t, doc, "counts"), "flex-wrap", "", narrow, false); w != "wrap" {
		t.Errorf("the counts: flex-wrap %q, want wrap", w)
	}
	for _, n := range find(doc, func(n *html.Node) bool { return n.Data == "input" || n.Data == "select" }) {
		if w := css.value(n, "max-width", "", narrow, false); w != "100%" {
			t.Errorf("%s: max-width %q on a narrow screen, want 100%%", describe(n), w)
		}
	}
	tables := find(doc, func(n *html.Node) bool { return n.Data == "table" })
	if len(tables) == 0 {
		t.Fatal("no table")
	}
	for _, tab := range tables {
		box := tab.Parent
		if o := css.value(box, "overflow-x", "", narrow, false); o != "auto" && o != "scroll" {
			t.Errorf("%s is in %s, whose overflow-x is %q: it would widen the page", describe(tab), describe(box), o)
		}
		if o := css.value(box, "overflow-x", "", inPrint, false); o != "visible" {
			t.Errorf("printed, %s would cut the table off (overflow %q)", describe(box), o)
		}
	}
	timeline := byID(t, doc, "timeline")
	if attr(timeline, "viewBox") == "" || attr(timeline, "width") != "100%" {
		t.Errorf("the timeline has viewBox %q and width %q: it does not scale", attr(timeline, "viewBox"), attr(timeline, "width"))
	}
	if m, h := css.value(timeline, "max-width", "", narrow, false), css.value(timeline, "height", "", narrow, false); m != "100%" || h != "auto" {
		t.Errorf("the timeline: max-width %q, height %q; want 100%% and auto", m, h)
	}
	quotes := find(doc, func(n *html.Node) bool { return n.Data == "blockquote" && strings.Contains(text(n), longWord) })
	if len(quotes) != 1 {
		t.Fatalf("%d quotes with the long word", len(quotes))
	}
	for _, n := range append(quotes, append(find(doc, hasClass("meta")), find(doc, hasClass("disclaimer"))...)...) {
		if w := css.value(n, "overflow-wrap", "", narrow, true); w != "anywhere" {
			t.Errorf("%s: overflow-wrap %q, want anywhere", describe(n), w)
		}
	}
}

// TestHTMLLegendFitsTheTimeline: with every category of the library, whose titles are long,
// the legend wraps onto rows that stay inside the timeline's viewBox, and no entry overlaps the
// next (a character of its 11 px labels taken as 7 units wide, as the layout takes it).
func TestHTMLLegendFitsTheTimeline(t *testing.T) {
	lib := testrules.Library(t)
	cats := lib.Categories()
	if len(cats) < 5 {
		t.Fatalf("%d categories", len(cats))
	}
	var rules []evaluator.Rule
	for _, c := range cats {
		rules = append(rules, evaluator.Rule{ID: "R-" + c.Name, Title: "t", Category: c.Name, Severity: "high", Regime: "DPRK"})
	}
	rep := report.New(rules)
	for i, r := range rules {
		rep.Add(evaluator.Verdict{EventID: "e" + strconv.Itoa(i), Location: evaluator.Location{File: "in.yaml", Line: i + 1},
			Event: evaluator.EventInfo{Type: "transfer", Date: "2024-0" + strconv.Itoa(i%9+1)},
			Findings: []evaluator.Finding{{RuleID: r.ID, Title: r.Title, Category: r.Category, Severity: r.Severity,
				Verdict: evaluator.NeedsReview, Confidence: "low", EventID: "e" + strconv.Itoa(i)}}})
	}
	timeline := byID(t, render(t, libraryHTML(t), rep), "timeline")
	var w, h float64
	if _, err := fmt.Sscanf(attr(timeline, "viewBox"), "0 0 %g %g", &w, &h); err != nil {
		t.Fatalf("viewBox %q: %v", attr(timeline, "viewBox"), err)
	}
	num := func(n *html.Node, key string) float64 {
		v, err := strconv.ParseFloat(attr(n, key), 64)
		if err != nil {
			t.Fatalf("%s %s: %v", describe(n), key, err)
		}
		return v
	}
	type entry struct{ left, right, y float64 }
	var entries []entry
	for _, n := range find(timeline, func(n *html.Node) bool { return n.Data == "text" && hasAttr(n, "dx") }) {
		e := entry{num(n, "x"), num(n, "x") + num(n, "dx") + 7*float64(len([]rune(text(n)))), num(n, "y")}
		if e.right > w || e.y+4 > h || e.y < 0 {
			t.Errorf("legend entry %q (x %g to %g, y %g) is outside the viewBox %g by %g", text(n), e.left, e.right, e.y, w, h)
		}
		for _, o := range entries {
			if o.y == e.y && e.left < o.right {
				t.Errorf("legend entry %q overlaps the one before it", text(n))
			}
		}
		entries = append(entries, e)
	}
	if len(entries) != len(cats) {
		t.Fatalf("%d legend entries for %d categories", len(entries), len(cats))
	}
	if entries[len(entries)-1].y == entries[0].y {
		t.Error("the legend of every category is on one row: these titles cannot fit one")
	}
}

// The page's CSS, parsed.

type cssDecl struct {
	value     string
	important bool
}

type cssRule struct {
	media     string // "" outside any @media block, else its condition: "print", "(max-width: 600px)"
	selectors []string
	decls     map[string]cssDecl
}

type stylesheet []cssRule

// The media a rule's block is for: the screen (wide), a narrow screen, the printed page.
func onScreen(media string) bool { return media == "" }
func narrow(media string) bool   { return media == "" || media == "(max-width: 600px)" }
func inPrint(media string) bool  { return media == "" || media == "print" }

var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

func parseCSS(t *testing.T, src string) stylesheet {
	t.Helper()
	var out stylesheet
	var parse func(s, media string)
	parse = func(s, media string) {
		for {
			s = strings.TrimSpace(s)
			if s == "" {
				return
			}
			brace := indexOutsideQuotes(s, '{')
			if brace < 0 {
				t.Fatalf("CSS: no block after %q", s)
			}
			end := matchingBrace(s, brace)
			if end < 0 {
				t.Fatalf("CSS: unclosed block after %q", s[:brace])
			}
			prelude, body := strings.Join(strings.Fields(s[:brace]), " "), s[brace+1:end]
			s = s[end+1:]
			switch {
			case strings.HasPrefix(prelude, "@media "):
				if media != "" {
					t.Fatalf("CSS: @media %s inside @media %s", prelude, media)
				}
				parse(body, strings.TrimPrefix(prelude, "@media "))
			case strings.HasPrefix(prelude, "@"):
				// other at-rules (@page, @font-face) set nothing these tests look at
			default:
				r := cssRule{media: media, decls: map[string]cssDecl{}}
				for _, sel := range strings.Split(prelude, ",") {
					r.selectors = append(r.selectors, strings.TrimSpace(sel))
				}
				for _, d := range splitOutsideQuotes(body, ';') {
					name, value, ok := strings.Cut(d, ":")
					if !ok {
						continue
					}
					value = strings.Join(strings.Fields(value), " ")
					decl := cssDecl{value: value}
					if v, ok := strings.CutSuffix(value, "!important"); ok {
						decl = cssDecl{value: strings.TrimSpace(v), important: true}
					}
					r.decls[strings.ToLower(strings.TrimSpace(name))] = decl
				}
				out = append(out, r)
			}
		}
	}
	parse(cssComment.ReplaceAllString(src, ""), "")
	return out
}

func indexOutsideQuotes(s string, c byte) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		switch {
		case quote != 0:
			if s[i] == quote {
				quote = 0
			}
		case s[i] == '"' || s[i] == '\'':
			quote = s[i]
		case s[i] == c:
			return i
		}
	}
	return -1
}

func matchingBrace(s string, open int) int {
	depth := 0
	var quote byte
	for i := open; i < len(s); i++ {
		switch {
		case quote != 0:
			if s[i] == quote {
				quote = 0
			}
		case s[i] == '"' || s[i] == '\'':
			quote = s[i]
		case s[i] == '{':
			depth++
		case s[i] == '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

func splitOutsideQuotes(s string, sep byte) []string {
	var out []string
	for {
		i := indexOutsideQuotes(s, sep)
		if i < 0 {
			return append(out, s)
		}
		out, s = append(out, s[:i]), s[i+1:]
	}
}

// value is the value of prop the cascade gives n (its pseudo-element "::after" when pseudo
// says so) in the media media accepts: !important first, then specificity, then the later
// rule; with inherit, from the nearest ancestor that has one. "" when nothing sets it.
func (css stylesheet) value(n *html.Node, prop, pseudo string, media func(string) bool, inherit bool) string {
	for ; n != nil && n.Type == html.ElementNode; n = n.Parent {
		best, bestSpec, found := cssDecl{}, [3]int{}, false
		for _, r := range css {
			d, ok := r.decls[prop]
			if !ok && prop == "overflow-x" {
				d, ok = r.decls["overflow"]
			}
			if !ok || !media(r.media) {
				continue
			}
			for _, sel := range r.selectors {
				base, ok := strings.CutSuffix(sel, pseudo)
				if pseudo == "" && strings.Contains(sel, "::") || pseudo != "" && !ok {
					continue
				}
				spec, matched := matchSelector(n, base)
				if !matched {
					continue
				}
				if !found || d.important && !best.important ||
					d.important == best.important && !less(spec, bestSpec) {
					best, bestSpec, found = d, spec, true
				}
			}
		}
		if found || !inherit {
			return best.value
		}
	}
	return ""
}

func less(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// hidden says whether n or one of its ancestors is display: none.
func hidden(css stylesheet, n *html.Node, media func(string) bool) bool {
	for ; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if css.value(n, "display", "", media, false) == "none" {
			return true
		}
	}
	return false
}

var compoundPart = regexp.MustCompile(`^(?:\*|[a-zA-Z][a-zA-Z0-9]*|#[\w-]+|\.[\w-]+|\[([\w-]+)(?:([\^$*]?=)"([^"]*)")?\])`)

// matchSelector matches a selector of compounds joined by spaces (descendant combinators),
// and gives its specificity (ids, classes and attributes, types).
func matchSelector(n *html.Node, sel string) ([3]int, bool) {
	parts := strings.Fields(sel)
	var spec [3]int
	for _, p := range parts {
		s, ok := compoundSpecificity(p)
		if !ok {
			return spec, false // a combinator or pseudo-class this cascade does not know
		}
		for i := range spec {
			spec[i] += s[i]
		}
	}
	if !matchCompound(n, parts[len(parts)-1]) {
		return spec, false
	}
	anc := n.Parent
	for i := len(parts) - 2; i >= 0; i-- {
		for anc != nil && anc.Type == html.ElementNode && !matchCompound(anc, parts[i]) {
			anc = anc.Parent
		}
		if anc == nil || anc.Type != html.ElementNode {
			return spec, false
		}
		anc = anc.Parent
	}
	return spec, true
}

func compoundSpecificity(c string) ([3]int, bool) {
	var spec [3]int
	for c != "" {
		m := compoundPart.FindString(c)
		if m == "" {
			return spec, false
		}
		switch m[0] {
		case '#':
			spec[0]++
		case '.', '[':
			spec[1]++
		case '*':
		default:
			spec[2]++
		}
		c = c[len(m):]
	}
	return spec, true
}

func matchCompound(n *html.Node, c string) bool {
	for c != "" {
		m := compoundPart.FindStringSubmatch(c)
		if m == nil {
			return false
		}
		switch p := m[0]; {
		case p == "*":
		case p[0] == '#':
			if attr(n, "id") != p[1:] {
				return false
			}
		case p[0] == '.':
			if !hasClass(p[1:])(n) {
				return false
			}
		case p[0] == '[':
			v, ok := attrOK(n, m[1])
			switch {
			case !ok,
				m[2] == "=" && v != m[3],
				m[2] == "^=" && !strings.HasPrefix(v, m[3]),
				m[2] == "$=" && !strings.HasSuffix(v, m[3]),
				m[2] == "*=" && !strings.Contains(v, m[3]):
				return false
			}
		default:
			if !strings.EqualFold(n.Data, p) {
				return false
			}
		}
		c = c[len(m[0]):]
	}
	return true
}

// The page, parsed.

func all(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		out = append(out, c)
	}
	return out
}

func find(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && ok(c) {
			out = append(out, c)
		}
	}
	return out
}

func byID(t *testing.T, doc *html.Node, id string) *html.Node {
	t.Helper()
	found := find(doc, func(n *html.Node) bool { return attr(n, "id") == id })
	if len(found) != 1 {
		t.Fatalf("%d elements with id %s", len(found), id)
	}
	return found[0]
}

func styleOf(t *testing.T, doc *html.Node) string {
	t.Helper()
	styles := find(doc, func(n *html.Node) bool { return n.Data == "style" })
	if len(styles) != 1 {
		t.Fatalf("%d style elements", len(styles))
	}
	return text(styles[0])
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string { v, _ := attrOK(n, key); return v }

func hasAttr(n *html.Node, key string) bool { _, ok := attrOK(n, key); return ok }

func setAttr(n *html.Node, key, val string) {
	for i := range n.Attr {
		if n.Attr[i].Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

func hasClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return slices.Contains(strings.Fields(attr(n, "class")), class) }
}

func text(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func texts(ns []*html.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, text(n))
	}
	return out
}

func describe(n *html.Node) string {
	s := "<" + n.Data
	for _, k := range []string{"id", "class"} {
		if v := attr(n, k); v != "" {
			s += " " + k + "=" + strconv.Quote(v)
		}
	}
	return s + ">"
}
