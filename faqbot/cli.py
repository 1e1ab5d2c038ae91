"""Command line: `python -m faqbot ask "question"` (or questions on standard input, one per line).

The --json output is a stable contract: one object per question on one line,
{"question", "status", "escalation", "passages": [{"id", "text", "source", "title", "heading", "score", "highlight"}]};
"escalation" is "crisis", "emergency" or "clinic" whenever status is "urgent", else null.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path

from faqbot.answering.engine import Engine
from faqbot.errors import FaqbotError, SettingsError
from faqbot.models import Answer, Status
from faqbot.patient.render import ALERTS
from faqbot.settings import Settings, load_settings


def format_answer(answer: Answer, settings: Settings) -> str:
    """A readable answer for a terminal."""
    lines = [f"Q: {answer.question}"]
    if answer.escalation is not None:
        title, message = ALERTS[answer.escalation]
        lines.append(f"!! {title}: " + settings.clinic_text(getattr(settings, message)))
    if answer.status is Status.NO_MATCH:
        message = settings.other_language_message if answer.other_language else settings.fallback_message
        lines.append(settings.clinic_text(message))
    for rank, hit in enumerate(answer.hits, 1):
        p = hit.passage
        where = p.title if p.heading == p.title else f"{p.title} > {p.heading}"
        lines.append(f"\n[{rank}] {where}  ({p.source}, score {hit.score:.3f})")
        lines.append(textwrap.indent(textwrap.fill(f">> {hit.highlight}", 100), "    "))
        lines.append(textwrap.indent(textwrap.fill(p.text, 100), "    "))
    return "\n".join(lines) + "\n"


def _questions(args: argparse.Namespace) -> Iterable[str]:
    if args.question:
        yield " ".join(args.question)
        return
    for line in sys.stdin:
        if line.strip():
            yield line.rstrip("\n")


def _with_pins(engine: Engine, settings: Settings):
    """Staff's pinned answers apply here too, when the data folder has a database; none is created just to ask."""
    from faqbot.records.storage import DATABASE, Store
    from faqbot.staff.pins import PinBook

    if not (settings.data_dir / DATABASE).is_file():
        return engine
    return PinBook(Store.open(settings.data_dir), engine, settings.pin_similarity)


def _ask(args: argparse.Namespace) -> int:
    settings = load_settings(index_dir=args.index)
    engine = Engine.from_settings(settings)
    answerer = _with_pins(engine, settings)
    for question in _questions(args):
        answer = answerer.ask(question, args.k)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
        else:
            print(format_answer(answer, settings), flush=True)
    return 0


def _eval(args: argparse.Namespace) -> int:
    from faqbot.answering.engine import Engine
    from faqbot.learning import evaluation
    from faqbot.learning.labelled import KINDS, check_labels, load_questions
    from faqbot.safety import evaluation as escalations

    settings = load_settings(index_dir=args.index)
    if args.kit:
        from faqbot.learning import kits

        for folder in args.kit:
            print(kits.evaluate(folder, settings) + "\n", flush=True)
        return 0
    engine = Engine.from_settings(settings)
    corpus_text = "\n".join(p.text for p in engine.stored.passages)
    plain = engine.with_adapter(None)
    methods = {"faqbot (hybrid)": engine}  # built once: each engine indexes the passages for keyword search
    if engine.adapter is not None:
        methods["faqbot without adapter"] = plain
    methods["keyword only"] = Engine(engine.stored, engine.encoder, settings, mode="keyword", adapter=None)
    methods["dense only"] = Engine(engine.stored, engine.encoder, settings, mode="dense", adapter=None)
    paragraphs = "dense only over paragraphs"
    methods[paragraphs] = evaluation.ParagraphSearch(engine, settings.corpus_dir)
    for path in args.questions or evaluation.DEFAULT_SETS:
        if escalations.is_escalation_set(path):
            messages = escalations.load_messages(path)
            answered = [(m, engine.ask(m.question, 3)) for m in messages]
            print(f"\n## {path} ({len(messages)} messages)\n")
            print(escalations.table(escalations.score(answered)))
            for miss in escalations.misses(answered):
                print(f"miss: {miss}", file=sys.stderr)
            continue
        items = load_questions(path)
        counts = ", ".join(f"{sum(i.kind == k for i in items)} {k}" for k in KINDS)
        print(f"\n## {path} ({counts})\n")
        for problem in check_labels(items, corpus_text):
            print(f"warning: label not found in the corpus: {problem}", file=sys.stderr)
        if args.sweep:
            print(evaluation.sweep(plain, items))
            continue
        scores = {}
        for name, method in methods.items():
            if method is engine and evaluation.trained_on(engine, path):
                name = "faqbot (hybrid), cross-validated"
                scores[name] = evaluation.score_cross_validated(engine, items)
            else:
                scores[name] = evaluation.score(method, items)
        if any("cross-validated" in name for name in scores):
            print(f"The query adapter learned from this set, so the faqbot column is {engine.adapter.training.folds}"
                  "-fold cross-validated:\neach question answered by an adapter trained without it.\n")
        print(evaluation.table(scores, {i.kind for i in items}, ranking_only=[paragraphs]))
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass(f"Password for {args.name}: ")
    if first != getpass.getpass("Repeat it: "):
        raise SettingsError("The two passwords differ; nothing was changed")
    return first


def _confirmed(question: str) -> bool:
    """Ask on the terminal (or the first line of standard input); yes only for y or yes."""
    print(question, end="", flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _staff(args: argparse.Namespace) -> int:
    import getpass

    from faqbot.records.audit import Action, AuditTrail
    from faqbot.records.storage import Store
    from faqbot.staff.accounts import Accounts

    settings = load_settings()
    store = Store.open(settings.data_dir)
    audit = AuditTrail.open(settings.data_dir)
    actor = f"command line ({getpass.getuser()})"
    try:
        if args.action == "add":
            Accounts(store).add(args.name, _read_password(args))
            audit.record(actor, Action.ADDED_ACCOUNT, args.name)
            print(f"Staff account {args.name} saved in {store.path} (a changed password ends the account's open "
                  "sessions within seconds)")
        elif args.action == "remove":
            if store.staff_password_hash(args.name) is not None and not args.yes and not _confirmed(
                    f"Remove the staff account {args.name}? Its open sessions end. [y/N] "):
                print("Nothing was removed.")
                return 1
            if not store.remove_staff(args.name):
                raise SettingsError(f"There is no staff account {args.name!r} (see: python -m faqbot staff list)")
            audit.record(actor, Action.REMOVED_ACCOUNT, args.name)
            print(f"Staff account {args.name} removed; its open sessions end within seconds.")
        elif args.action == "list":
            print("\n".join(store.staff_names()) or "No staff accounts yet (add one: python -m faqbot staff add NAME)")
        elif args.action == "purge":
            removed = store.purge(settings.retention_cutoff())  # errors reach the user here, not just a log
            entries = audit.purge(settings.audit_cutoff())
            audit.record(actor, Action.PURGED, f"{removed} questions, {entries} audit entries")
            print(f"Purged {removed} questions older than {settings.retention_days} days and {entries} audit "
                  f"entries older than {settings.audit_retention_days} days")
    finally:
        store.close()
        audit.close()
    return 0


def _staff_serve(args: argparse.Namespace) -> int:
    from faqbot.staff.app import main as serve

    return serve()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m faqbot", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="answer questions from the clinic's documents")
    ask.add_argument("question", nargs="*", help="the question (omit to read one per line from stdin)")
    ask.add_argument("-k", type=int, default=3, help="passages per answer (default 3)")
    ask.add_argument("--json", action="store_true", help="one JSON object per question per line")
    ask.add_argument("--index", type=Path, help="index folder (default index/, or FAQBOT_INDEX_DIR)")
    ask.set_defaults(run=_ask)
    ev = commands.add_parser("eval", help="score answers on labelled question sets")
    ev.add_argument("--questions", type=Path, action="append", help="JSON-lines question set (repeatable)")
    ev.add_argument("--index", type=Path, help="index folder (default index/)")
    ev.add_argument("--sweep", action="store_true", help="print the no_match threshold trade-off instead")
    ev.add_argument("--kit", type=Path, action="append",
                    help="an outside kit folder (corpus/, questions.jsonl): a fresh index of its corpus with the "
                         "default settings and no labels, scored on its questions (repeatable)")
    ev.set_defaults(run=_eval)
    staff = commands.add_parser("staff", help="staff accounts, retention purge and the staff workspace")
    actions = staff.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create a staff account, or set its password")
    add.add_argument("name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    remove = actions.add_parser("remove", help="delete a staff account (asks first)")
    remove.add_argument("name")
    remove.add_argument("--yes", action="store_true", help="don't ask (scripts)")
    actions.add_parser("list", help="list staff accounts")
    actions.add_parser("purge", help="delete questions older than retention_days (and audit entries older than "
                                      "audit_retention_days) now")
    actions.add_parser("serve", help="serve the staff workspace (staff_host:staff_port)").set_defaults(run=_staff_serve)
    staff.set_defaults(run=_staff)
    proxy = commands.add_parser("proxy-config", help="print the reverse proxy's configuration (TLS, limits) for two "
                                "host names")
    proxy.add_argument("--server", choices=("nginx", "caddy"), default="nginx",
                       help="nginx.conf (the default, with per-client limits) or a Caddyfile")
    proxy.add_argument("--patient-host", required=True, help="e.g. faq.clinic.example")
    proxy.add_argument("--staff-host", required=True, help="e.g. staff.clinic.example")
    proxy.add_argument("--certificate", required=True, type=Path, help="the TLS certificate (chain), PEM")
    proxy.add_argument("--key", required=True, type=Path, help="its private key, PEM")
    proxy.add_argument("--patient-ports", type=int, nargs="+", metavar="PORT",
                       help="the patient page's processes, one port each (default: the port setting, one process)")
    proxy.add_argument("--state-dir", type=Path, default=Path("/var/lib/faqbot-proxy"),
                       help="the proxy's logs, nginx's pid and buffers (default /var/lib/faqbot-proxy)")
    proxy.set_defaults(run=_proxy_config)
    return parser


def _proxy_config(args: argparse.Namespace) -> int:
    from faqbot.deploy.proxy import ProxySite, render

    settings = load_settings()
    print(render(ProxySite(args.patient_host, args.staff_host, args.certificate.resolve(), args.key.resolve(),
                           patient_ports=tuple(args.patient_ports or [settings.port]), staff_port=settings.staff_port,
                           state_dir=args.state_dir.resolve()), args.server), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "k", 1) < 1:
        print(f"error: -k must be >= 1, got {args.k}", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except FaqbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
