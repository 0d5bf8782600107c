package render

import (
	"html/template"
	"strconv"
	"text/template/parse"
)

// foldStrings writes the UI strings that the templates of set name with
// a constant key, {{t "nav.skip"}}, and the addresses of constant paths,
// {{url "css/waymark.css"}}, into the templates as constants, as they are
// parsed: the site's strings and base path do not change while an engine
// lives (Reuse). A page calls t and url tens of times, each a call
// through reflect; a constant is only escaped, as html/template escaped
// what the call returned. A call with other arguments, or fed by a pipe,
// is left as it is.
func (e *Engine) foldStrings(set *template.Template) {
	for _, t := range set.Templates() {
		if t.Tree != nil {
			e.fold(t.Tree.Root)
		}
	}
}

func (e *Engine) fold(node parse.Node) {
	switch n := node.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				e.fold(c)
			}
		}
	case *parse.ActionNode:
		e.foldPipe(n.Pipe)
	case *parse.IfNode:
		e.foldBranch(&n.BranchNode)
	case *parse.RangeNode:
		e.foldBranch(&n.BranchNode)
	case *parse.WithNode:
		e.foldBranch(&n.BranchNode)
	case *parse.TemplateNode:
		e.foldPipe(n.Pipe)
	}
}

func (e *Engine) foldBranch(n *parse.BranchNode) {
	e.foldPipe(n.Pipe)
	e.fold(n.List)
	e.fold(n.ElseList)
}

func (e *Engine) foldPipe(p *parse.PipeNode) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		for _, a := range c.Args {
			if sub, ok := a.(*parse.PipeNode); ok {
				e.foldPipe(sub)
			}
		}
		if i > 0 || len(c.Args) != 2 {
			continue // a command fed by a pipe takes its value as an argument
		}
		fn, isIdent := c.Args[0].(*parse.IdentifierNode)
		arg, isStr := c.Args[1].(*parse.StringNode)
		if !isIdent || !isStr {
			continue
		}
		var s string
		switch fn.Ident {
		case "t":
			s = e.translate(arg.Text)
		case "url":
			s = e.url(arg.Text)
		default:
			continue
		}
		c.Args = []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: arg.Pos, Quoted: strconv.Quote(s), Text: s}}
	}
}
