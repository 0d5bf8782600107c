package markup

import (
	"html"
	"strings"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	gutil "github.com/yuin/goldmark/util"
)

// taskBoxes renders the check box of a task-list item ("- [x] Done") with
// the item's text as its accessible name: goldmark's bare <input> has
// none, which screen readers announce as an unlabelled check box and
// axe-core reports as a form element without a label.
type taskBoxes struct{}

func (taskBoxes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindTaskCheckBox, renderTaskBox)
}

// taskBoxRenderer goes before goldmark's own (priority 500): of two
// renderers of one kind, the lower priority number wins.
func taskBoxRenderer() gutil.PrioritizedValue { return gutil.Prioritized(taskBoxes{}, 100) }

func renderTaskBox(w gutil.BufWriter, src []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	if !entering {
		return gast.WalkContinue, nil
	}
	w.WriteString(`<input type="checkbox" disabled`)
	if node.(*ast.TaskCheckBox).IsChecked {
		w.WriteString(` checked`)
	}
	if name := itemText(node, src); name != "" {
		w.WriteString(` aria-label="` + html.EscapeString(name) + `"`)
	}
	w.WriteString("> ")
	return gast.WalkContinue, nil
}

// itemText is the plain text that follows the check box in its item.
func itemText(box gast.Node, src []byte) string {
	var b strings.Builder
	for n := box.NextSibling(); n != nil; n = n.NextSibling() {
		gast.Walk(n, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if !entering {
				return gast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *gast.Text:
				b.Write(n.Segment.Value(src))
				if n.SoftLineBreak() || n.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *gast.String:
				b.Write(n.Value)
			case *gast.CodeSpan:
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if t, ok := c.(*gast.Text); ok {
						b.Write(t.Segment.Value(src))
					}
				}
				return gast.WalkSkipChildren, nil
			}
			return gast.WalkContinue, nil
		})
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
