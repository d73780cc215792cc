//! The second step of the import: blocks of lines into the model as read
//! (equivalence classes of statements, arguments with their
//! premise–conclusion structures, relations), without argmap's rules yet.

use super::blocks::Line;
use super::element::{
    Sym, element, hyphens, relation_symbol, statement_number, take_data, take_tags, unescape,
};
use super::{Arg, Class, Item, ItemKind, Reader, Ref, Rel, RelKind, Seen, Step};
use crate::interchange::{ImportError, Loss};

impl Reader {
    pub(super) fn loss(&mut self, line: usize, message: impl Into<String>) {
        self.losses.push(Loss::at(line, message));
    }

    fn section(&self) -> Option<String> {
        self.headings.last().map(|(_, h)| h.clone())
    }

    pub(super) fn block(&mut self, block: &[Line]) -> Result<(), ImportError> {
        let first = &block[0];
        let level = first.text.chars().take_while(|&c| c == '#').count();
        if level > 0 && first.text[level..].starts_with([' ', '\t']) {
            self.heading(level, block);
            self.last_argument = None;
            return Ok(());
        }
        if statement_number(&first.text).is_some() {
            let items = items(block, true)?;
            self.pcs(&items)?;
            self.last_argument = None;
            return Ok(());
        }
        let list = list_marker(&first.text).is_some();
        let items = items(block, false)?;
        let mut stack: Vec<(usize, Option<Ref>)> = Vec::new();
        let mut root_argument = None;
        for item in &items {
            let text = if list {
                list_marker(&item.text).unwrap_or(&item.text)
            } else {
                &item.text
            };
            let is_root = item.kind == ItemKind::Root || list && list_marker(&item.text).is_some();
            if is_root {
                let r = self.element(text, item.line);
                root_argument = match r {
                    Some(Ref::Argument(a)) => Some(a),
                    _ => None,
                };
                stack.clear();
                stack.push((item.indent, r));
                continue;
            }
            let ItemKind::Relation(sym) = item.kind else {
                continue;
            };
            let child = self.element(text, item.line);
            while stack.len() > 1 && stack.last().is_some_and(|(i, _)| *i >= item.indent) {
                stack.pop();
            }
            match (stack.last().and_then(|&(_, p)| p), child) {
                (Some(parent), Some(child)) => self.relation(sym, parent, child, item.line),
                (None, _) => self.loss(item.line, "a relation below nothing: not kept"),
                (_, None) => {}
            }
            stack.push((item.indent, child));
        }
        self.last_argument = if list { None } else { root_argument };
        Ok(())
    }

    fn heading(&mut self, level: usize, block: &[Line]) {
        let joined: Vec<&str> = block.iter().map(|l| l.text.as_str()).collect();
        let joined = joined.join(" ");
        let (text, data) = take_data(joined.trim_start_matches('#'));
        let chars: Vec<char> = text.chars().collect();
        let (text, tags) = take_tags(&chars);
        let text = unescape(&text).replace("@[", "[").replace("@<", "<");
        let text = text.replace(['[', ']', '<', '>'], "");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !data.is_empty() || !tags.is_empty() {
            let mut what = Vec::new();
            if !tags.is_empty() {
                what.push(format!("tags {}", tags.join(", ")));
            }
            what.extend(data.iter().map(|d| format!("data {{{d}}}")));
            self.loss(
                block[0].no,
                format!("heading `{text}`: {} not kept", what.join(" and ")),
            );
        }
        self.headings.retain(|(l, _)| *l < level);
        if !text.is_empty() {
            self.headings.push((level, text));
        }
    }

    /// Registers an element; returns what it refers to.
    /// Registers an element; `None` (and a loss) when it has neither a
    /// title nor a text.
    fn element(&mut self, raw: &str, line: usize) -> Option<Ref> {
        let el = element(raw);
        let section = self.section();
        let mut question = false;
        for data in &el.data {
            if data.replace(' ', "") == "kind:question" && !el.argument {
                question = true;
            } else {
                self.loss(line, format!("data {{{data}}} not kept"));
            }
        }
        let text = el.text.filter(|t| !t.is_empty());
        if el.title.is_none() && text.is_none() {
            let what = if el.tags.is_empty() {
                String::new()
            } else {
                format!(" (tags {})", el.tags.join(", "))
            };
            self.loss(
                line,
                format!("no statement here, only markup{what}: not kept"),
            );
            return None;
        }
        if el.argument {
            let title = el.title.unwrap_or_default();
            let a = match self.arg_titles.get(&title) {
                Some(&a) => a,
                None => {
                    self.args.push(Arg {
                        title: Some(title.clone()),
                        line,
                        ..Arg::default()
                    });
                    self.order.push(Seen::Argument(self.args.len() - 1));
                    self.arg_titles.insert(title, self.args.len() - 1);
                    self.args.len() - 1
                }
            };
            let arg = &mut self.args[a];
            if let Some(text) = text {
                if arg.texts.is_empty() {
                    arg.section = section;
                }
                arg.texts.push((text, line));
            } else if arg.section.is_none() {
                arg.section = section;
            }
            for tag in el.tags {
                if !arg.tags.contains(&tag) {
                    arg.tags.push(tag);
                }
            }
            return Some(Ref::Argument(a));
        }
        let c = match el.title.as_ref().and_then(|t| self.class_titles.get(t)) {
            Some(&c) => c,
            None => {
                self.classes.push(Class {
                    title: el.title.clone(),
                    line,
                    ..Class::default()
                });
                let c = self.classes.len() - 1;
                self.order.push(Seen::Statement(c));
                if let Some(title) = el.title {
                    self.class_titles.insert(title, c);
                }
                c
            }
        };
        let class = &mut self.classes[c];
        if let Some(text) = text {
            if class.texts.is_empty() {
                class.section = section;
            }
            class.texts.push((text, line));
        } else if class.section.is_none() {
            class.section = section;
        }
        class.question |= question;
        for tag in el.tags {
            if !class.tags.contains(&tag) {
                class.tags.push(tag);
            }
        }
        Some(Ref::Statement(c))
    }

    fn relation(&mut self, sym: Sym, parent: Ref, child: Ref, line: usize) {
        let (kind, from, to) = match sym {
            Sym::SupportIn => (RelKind::Support, child, parent),
            Sym::SupportOut => (RelKind::Support, parent, child),
            Sym::AttackIn => (RelKind::Attack, child, parent),
            Sym::AttackOut => (RelKind::Attack, parent, child),
            Sym::UndercutIn => (RelKind::Undercut, child, parent),
            Sym::UndercutOut => (RelKind::Undercut, parent, child),
            Sym::Contradiction => (RelKind::Contradiction, parent, child),
        };
        self.rels.push(Rel {
            kind,
            from,
            to,
            line,
        });
    }

    /// A premise–conclusion structure: its statements, inferences and the
    /// relations below them.
    fn pcs(&mut self, items: &[Item]) -> Result<(), ImportError> {
        let line = items[0].line;
        let a = match self.last_argument {
            Some(a) if !self.args[a].steps.is_empty() => {
                self.loss(
                    line,
                    "a second premise-conclusion structure for the same argument is not kept",
                );
                return Ok(());
            }
            Some(a) => {
                if self.args[a].texts.is_empty() {
                    self.args[a].section = self.section();
                }
                a
            }
            None => {
                self.args.push(Arg {
                    title: None,
                    line,
                    section: self.section(),
                    ..Arg::default()
                });
                self.order.push(Seen::Argument(self.args.len() - 1));
                self.args.len() - 1
            }
        };
        let mut steps: Vec<Step> = Vec::new();
        let mut premises: Vec<usize> = Vec::new();
        let mut rules: Option<(Option<String>, usize)> = None;
        let mut stack: Vec<(usize, Option<Ref>)> = Vec::new();
        let mut pending_rels = Vec::new();
        for item in items {
            match item.kind {
                ItemKind::Pcs => {
                    let r = self.element(&item.text, item.line);
                    let Some(Ref::Statement(c)) = r else {
                        return Err(ImportError::at(
                            item.line,
                            "a premise or conclusion must be a statement (with a title or a text), not an argument",
                        ));
                    };
                    if let Some((rule, _)) = rules.take() {
                        if premises.is_empty() {
                            return Err(ImportError::at(
                                item.line,
                                "an inference with no premises above it",
                            ));
                        }
                        if premises.contains(&c) {
                            return Err(ImportError::at(
                                item.line,
                                "a conclusion that is also one of its own premises",
                            ));
                        }
                        steps.push(Step {
                            premises: std::mem::take(&mut premises),
                            conclusion: c,
                            rules: rule,
                            line: item.line,
                        });
                    }
                    if !premises.contains(&c) {
                        premises.push(c);
                    }
                    stack.clear();
                    stack.push((item.indent, r));
                }
                ItemKind::Inference(_) => {
                    if rules.is_some() {
                        return Err(ImportError::at(
                            item.line,
                            "two inferences with no statement between them",
                        ));
                    }
                    let (text, data) = take_data(&item.text);
                    for d in data {
                        self.loss(item.line, format!("inference data {{{d}}} not kept"));
                    }
                    let text = unescape(&text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    rules = Some(((!text.is_empty()).then_some(text), item.line));
                    stack.clear();
                    stack.push((item.indent, Some(Ref::Step(a, steps.len()))));
                }
                ItemKind::Relation(sym) => {
                    let child = self.element(&item.text, item.line);
                    while stack.len() > 1 && stack.last().is_some_and(|(i, _)| *i >= item.indent) {
                        stack.pop();
                    }
                    match (stack.last().and_then(|&(_, p)| p), child) {
                        (Some(parent), Some(child)) => {
                            pending_rels.push((sym, parent, child, item.line));
                        }
                        (None, _) => self.loss(item.line, "a relation below nothing: not kept"),
                        (_, None) => {}
                    }
                    stack.push((item.indent, child));
                }
                ItemKind::Root => {}
            }
        }
        if let Some((_, at)) = rules {
            return Err(ImportError::at(
                at,
                "an inference with no conclusion below it",
            ));
        }
        if steps.is_empty() {
            let Some(conclusion) = premises.pop() else {
                return Err(ImportError::at(
                    line,
                    "an empty premise-conclusion structure",
                ));
            };
            if premises.is_empty() {
                return Err(ImportError::at(
                    line,
                    "a premise-conclusion structure needs at least two statements",
                ));
            }
            self.loss(
                line,
                "a premise-conclusion structure without an inference line: its last statement is taken as the conclusion",
            );
            steps.push(Step {
                premises,
                conclusion,
                rules: None,
                line,
            });
        } else if premises.len() > 1 {
            let last = items
                .iter()
                .rev()
                .find(|i| i.kind == ItemKind::Pcs)
                .map_or(line, |i| i.line);
            return Err(ImportError::at(
                last,
                "a premise-conclusion structure must end with a conclusion (an inference line before the last statement)",
            ));
        }
        self.args[a].steps = steps;
        for (sym, parent, child, line) in pending_rels {
            self.relation(sym, parent, child, line);
        }
        Ok(())
    }
}

/// A `* ` or `1. ` list marker: the rest of the line.
fn list_marker(text: &str) -> Option<&str> {
    if let Some(rest) = text.strip_prefix("* ") {
        return Some(rest.trim_start());
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = text[digits..].strip_prefix(". ")?;
    (digits > 0).then(|| rest.trim_start())
}

/// Splits a block into items with their continuation lines joined.
fn items(block: &[Line], pcs: bool) -> Result<Vec<Item>, ImportError> {
    let mut items: Vec<Item> = Vec::new();
    let mut expanded = false;
    for (k, line) in block.iter().enumerate() {
        let text = line.text.as_str();
        if pcs && expanded {
            if hyphens(text).is_some() {
                expanded = false;
            } else if let Some(last) = items.last_mut() {
                last.text.push(' ');
                last.text.push_str(text);
            }
            continue;
        }
        let new = |kind, text: &str| Item {
            kind,
            indent: line.indent,
            line: line.no,
            text: text.to_string(),
        };
        if k == 0 && !pcs {
            items.push(new(ItemKind::Root, text));
        } else if let Some(rest) = pcs.then(|| statement_number(text)).flatten() {
            items.push(new(ItemKind::Pcs, rest));
        } else if pcs && hyphens(text).is_some() {
            let next = block.get(k + 1).map(|l| l.text.as_str());
            let collapsed =
                next.is_none_or(|n| statement_number(n).is_some() || relation_symbol(n).is_some());
            expanded = !collapsed;
            items.push(new(ItemKind::Inference(expanded), ""));
        } else if pcs && text.starts_with("--") && text.ends_with("--") && text.len() > 4 {
            let inner = text.trim_matches('-').trim();
            items.push(new(ItemKind::Inference(false), inner));
        } else if let Some((sym, rest)) = relation_symbol(text) {
            items.push(new(ItemKind::Relation(sym), rest));
        } else if !pcs
            && list_marker(block[0].text.as_str()).is_some()
            && list_marker(text).is_some()
        {
            items.push(new(ItemKind::Root, text));
        } else if let Some(last) = items.last_mut() {
            last.text.push(' ');
            last.text.push_str(text);
        } else {
            return Err(ImportError::at(line.no, "text before the first statement"));
        }
    }
    if expanded {
        let at = items.last().map_or(block[0].no, |i| i.line);
        return Err(ImportError::at(
            at,
            "an inference (`--`) not closed by another `--` line",
        ));
    }
    Ok(items)
}
