package extract

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Article is a text to draft events from.
type Article struct {
	Name       string    // the file it came from
	Date       time.Time // its date; zero when neither the text nor the caller says
	Publisher  string
	Title      string
	URL        string
	Paragraphs []string // the body, without headers, dateline, captions or markup
	Headlines  []int    // the paragraphs that are headlines (an HTML <h1>), by index

	heads []string // the text of the <h1> elements, while the HTML is read
}

// MaxArticleBytes bounds an article.
const MaxArticleBytes = 4 << 20

var (
	headerLine = regexp.MustCompile(`^\s*(date|title|url|publisher|source)\s*[:]?\s+(.+?)\s*$`)
	dateHeader = regexp.MustCompile(`^\s*date\s*:?\s*(\d{4}-\d{2}-\d{2})\b\s*(.*)$`)
	// PLACE, Mon DD (PUBLISHER) - text; also "Seoul, Jan 15 (EFE).- text".
	dateline   = regexp.MustCompile(`^\s*([A-Z][A-Za-z .'’-]{1,40}),\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\s*\(([^)]{1,40})\)\s*\.?\s*(?:-|–|—|:)\s*`)
	captionCue = regexp.MustCompile(`\((?:L|R|C|L-R|R-L)\)|\bFILE/|\bPHOTO\b|^Photo:|EFE-EPA|\bAFP PHOTO\b`)
)

// Read reads an article: HTML (.html, .htm), Markdown (.md, .markdown) or plain text. Plain text
// and Markdown may start with header lines ("date 2024-01-15", "title ...", "url ...",
// "publisher ..."); a wire dateline ("SEOUL, Jan 15 (EFE) - ...") gives the publisher.
func Read(name string, data []byte) (*Article, error) {
	if len(data) > MaxArticleBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, MaxArticleBytes)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not UTF-8 text", name)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	a := &Article{Name: name}
	var text string
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		var err error
		if text, err = a.fromHTML(data); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	case ".md", ".markdown":
		text = a.fromMarkdown(string(data))
	default:
		text = string(data)
	}
	a.body(text)
	return a, nil
}

// body reads header lines, splits paragraphs, takes the dateline off and leaves captions out.
func (a *Article) body(text string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	// Header lines, at the top.
	for len(lines) > 0 {
		l := lines[0]
		if strings.TrimSpace(l) == "" {
			lines = lines[1:]
			continue
		}
		if m := dateHeader.FindStringSubmatch(l); m != nil {
			if t, err := time.Parse("2006-01-02", m[1]); err == nil && a.Date.IsZero() {
				a.Date = t
			}
			if strings.TrimSpace(m[2]) != "" {
				lines[0] = m[2] // the seed's form: the text goes on after the date
				break
			}
			lines = lines[1:]
			continue
		}
		if m := headerLine.FindStringSubmatch(l); m != nil && len(l) < 300 && m[1] != "date" {
			switch m[1] {
			case "title":
				a.Title = m[2]
			case "url", "source":
				a.URL = m[2]
			case "publisher":
				a.Publisher = m[2]
			}
			lines = lines[1:]
			continue
		}
		break
	}
	// Paragraphs: blank lines between them; a text without blank lines has one per line.
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(strings.Fields(strings.Join(cur, " ")), " "))
			cur = nil
		}
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		cur = append(cur, strings.TrimSpace(l))
	}
	flush()
	for i, p := range paras {
		if i == 0 {
			if m := dateline.FindStringSubmatchIndex(p); m != nil {
				if a.Publisher == "" {
					a.Publisher = strings.TrimSpace(p[m[8]:m[9]])
				}
				p = p[m[1]:]
			}
		}
		if captionCue.MatchString(p) {
			continue // a photo caption: not the article's text
		}
		if slices.Contains(a.heads, p) {
			a.Headlines = append(a.Headlines, len(a.Paragraphs))
		}
		a.Paragraphs = append(a.Paragraphs, p)
	}
}

// fromHTML takes the text of the block elements, leaving out scripts, navigation and figures.
func (a *Article) fromHTML(data []byte) (string, error) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var b strings.Builder
	skip := 0
	inTitle := false
	var head *strings.Builder // the text of the <h1> being read
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err().Error() == "EOF" {
				return b.String(), nil
			}
			return "", z.Err()
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			switch tag {
			case "script", "style", "nav", "header", "footer", "aside", "figure", "figcaption", "noscript", "form":
				skip++
			case "title":
				inTitle = true
			case "meta":
				if (attrs["property"] == "article:published_time" || attrs["name"] == "date") && a.Date.IsZero() && len(attrs["content"]) >= 10 {
					if t, err := time.Parse("2006-01-02", attrs["content"][:10]); err == nil {
						a.Date = t
					}
				}
				if attrs["property"] == "og:site_name" && a.Publisher == "" {
					a.Publisher = attrs["content"]
				}
				if attrs["property"] == "og:url" && a.URL == "" {
					a.URL = attrs["content"]
				}
			case "time":
				if t, err := time.Parse("2006-01-02", firstN(attrs["datetime"], 10)); err == nil && a.Date.IsZero() {
					a.Date = t
				}
			case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "blockquote", "article", "section", "tr":
				b.WriteString("\n\n")
			}
			if tag == "h1" && skip == 0 {
				head = &strings.Builder{}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "nav", "header", "footer", "aside", "figure", "figcaption", "noscript", "form":
				if skip > 0 {
					skip--
				}
			case "title":
				inTitle = false
			case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
				b.WriteString("\n\n")
			}
			if string(name) == "h1" && head != nil {
				if h := strings.Join(strings.Fields(head.String()), " "); h != "" {
					a.heads = append(a.heads, h)
				}
				head = nil
			}
		case html.TextToken:
			t := string(z.Text())
			if inTitle {
				if a.Title == "" {
					a.Title = strings.TrimSpace(t)
				}
				continue
			}
			if skip == 0 && strings.TrimSpace(t) != "" {
				if t[0] == ' ' || t[0] == '\n' || t[0] == '\t' {
					b.WriteString(" ")
				}
				b.WriteString(strings.Join(strings.Fields(t), " "))
				if head != nil {
					head.WriteString(" " + t)
				}
				if last := t[len(t)-1]; last == ' ' || last == '\n' || last == '\t' {
					b.WriteString(" ")
				}
			}
		}
	}
}

func firstN(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

var (
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile("(\\*\\*|__|\\*|`)")
	mdListItem = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)
)

// fromMarkdown takes the markup off: headings (the first is the title), links (their text),
// images, emphasis, code marks, quotation marks and list markers.
func (a *Article) fromMarkdown(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "#") {
			h := strings.TrimSpace(strings.TrimLeft(t, "#"))
			if a.Title == "" {
				a.Title = h
			}
			out = append(out, "", "")
			continue
		}
		t = strings.TrimSpace(strings.TrimLeft(t, ">"))
		t = mdListItem.ReplaceAllString(t, "")
		t = mdImage.ReplaceAllString(t, "")
		t = mdLink.ReplaceAllString(t, "$1")
		t = mdEmphasis.ReplaceAllString(t, "")
		out = append(out, t)
	}
	return strings.Join(out, "\n")
}
