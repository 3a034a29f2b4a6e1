"""The screens of the guided review, except Questions (coach_ui.review_questions).

Each step function draws one screen for one interview; every widget saves the moment
it changes (coach_ui.review_widgets). The step the candidate is on is saved in the
journal, so a refresh resumes there.
"""

from __future__ import annotations

import streamlit as st

from coach import actions as action_store
from coach import palette, predictions, report, reviews, stories, vocabulary, wording
from coach.db import Journal
from coach.i18n import N_, _, ngettext, pgettext
from coach.interviews import Interview
from coach.review_rules import BRIDGING_LINE
from coach.reviews import STEPS, Review
from coach.text import md
from coach_ui import links
from coach_ui import review_widgets as w
from coach_ui.formatting import badge, relative_day, when
from coach_ui.frame import PageContext
from coach_ui.review_forms import EDITING_ACTION, EDITING_STORY, action_form, story_form
from coach_ui.review_start import choose
from coach_ui.uninterrupted import uninterrupted

STEP_KEYS = list(STEPS)
ASPECT_OF_STEP = {
    "overall": "overall",
    "questions": "questions",
    "relationship": "relationship",
    "strengths": "strengths",
}


def _key(review: Review, name: str) -> str:
    return f"review_{review.interview_id}_{name}"


# --- Frame: header, step bar, prompts, navigation ------------------------------
@uninterrupted
def go_to(journal: Journal, review: Review, step: str) -> None:
    """Callback: save the step and show it."""
    w.run(
        _key(review, "step"), lambda: reviews.set_step(journal, review.interview_id, step, w.now())
    )
    st.session_state[_key(review, "step")] = step


def header(ctx: PageContext, interview: Interview, review: Review) -> str:
    """Draw the title, status, depth and step bar; return the step to show."""
    # Wide enough for "切换" beside its icon on a 1,000 px screen.
    title, other = st.columns([4, 1], vertical_alignment="center")
    title.title(_("Review: {company}").format(company=md(interview.company)), anchor=False)
    other.button(
        _("Switch"),
        icon=":material/swap_horiz:",
        key="review_other",
        on_click=choose,
        args=(None,),
        help=_("Review another interview"),
        use_container_width=True,
    )
    plan = review.depth_plan
    status = (
        badge(palette.REVIEW_STATUS["completed"], ":material/task_alt: " + _("Completed"))
        if review.completed
        else badge(
            palette.REVIEW_STATUS["draft"], ":material/edit_note: " + _("Draft · saved as you go")
        )
    )
    depth = (
        ":violet-badge["
        + _("{depth} · about {minutes} min").format(depth=plan.label, minutes=plan.minutes)
        + "]"
        if review.overall_rating
        else ""
    )
    spent = reviews.minutes_spent(review, ctx.now)
    started = (
        _("review started {minutes} min ago").format(minutes=spent)
        if spent < 180
        else _("review started {day}").format(day=relative_day(review.started_at, ctx.now))
    )
    what = " · ".join(md(p) for p in (interview.role, interview.round) if p)
    held = (
        f"{when(interview.scheduled_at, ctx.now)} ({relative_day(interview.scheduled_at, ctx.now)})"
    )
    st.markdown(
        (f"**{what}** · " if what else "") + held + f"  \n{status} {depth} :gray[{started}]"
    )

    step_key = w.seed(_key(review, "step"), review.step)
    if st.session_state[step_key] not in STEPS:
        st.session_state[step_key] = "overall"

    @uninterrupted
    def step_changed() -> None:
        chosen = st.session_state[step_key]
        if chosen is None:  # clicking the selected step again deselects it: keep it
            st.session_state[step_key] = review.step
            return
        # As the step buttons do: the step chosen is shown, and a save that fails says why
        # under the bar instead of ending the page in an error.
        w.run(step_key, lambda: reviews.set_step(ctx.journal, review.interview_id, chosen, w.now()))

    labels = {k: f"{i}. {v}" if i <= 4 else v for i, (k, v) in enumerate(STEPS.items(), start=1)}
    st.segmented_control(
        _("Step"),
        STEP_KEYS,
        format_func=labels.get,
        key=step_key,
        on_change=step_changed,
        label_visibility="collapsed",
        width="stretch",
    )
    step = st.session_state[step_key]
    index = STEP_KEYS.index(step)
    st.progress((index + 1) / len(STEP_KEYS))
    w.show_error(step_key)
    return step


def prompts(review: Review, aspect: str) -> None:
    """The method's prompts for this aspect, as many as the depth asks for."""
    plan = review.depth_plan
    shown = plan.prompts.get(aspect, ())
    if not shown:
        return
    with st.expander(
        _("Prompts for this step · {depth}").format(depth=plan.label.lower()),
        icon=":material/lightbulb:",
        expanded=plan.key == "deep",
    ):
        st.markdown("\n".join(f"- {p}" for p in shown))


def navigation(ctx: PageContext, review: Review, step: str) -> None:
    index = STEP_KEYS.index(step)
    st.divider()
    # Wide enough for "下一步：改进计划" on a 1,000 px screen.
    back, _gap, forward = st.columns([3, 1, 3])
    if index > 0:
        back.button(
            _("Back: {step}").format(step=STEPS[STEP_KEYS[index - 1]]),
            icon=":material/arrow_back:",
            key="review_back",
            on_click=go_to,
            args=(ctx.journal, review, STEP_KEYS[index - 1]),
            use_container_width=True,
        )
    if index < len(STEP_KEYS) - 1:
        forward.button(
            _("Next: {step}").format(step=STEPS[STEP_KEYS[index + 1]]),
            icon=":material/arrow_forward:",
            type="primary",
            key="review_next",
            on_click=go_to,
            args=(ctx.journal, review, STEP_KEYS[index + 1]),
            use_container_width=True,
        )


def _save_review(
    journal: Journal, review: Review, field: str, *dependent: str, label: str, options=None
):
    key = _key(review, field)

    def save(value, read):
        saved = reviews.save_review(
            journal, review.interview_id, w.now(), read={field: read}, **{field: value}
        )
        w.forget(*(_key(review, d) for d in dependent))
        return getattr(saved, field)

    display = (lambda _field, v: "" if v is None else str(options.get(v, v))) if options else None
    return w.checked_saver(key, save, what=label, display=display)


def choice(
    journal: Journal,
    review: Review,
    field: str,
    label: str,
    options: dict,
    *,
    help: str | None = None,
    dependent: tuple[str, ...] = (),
    widget=None,
) -> None:
    key = w.seed(_key(review, field), getattr(review, field))
    (widget or st.segmented_control)(
        label,
        list(options),
        format_func=lambda k: options[k],
        key=key,
        on_change=_save_review(journal, review, field, *dependent, label=label, options=options),
        help=help,
    )
    w.show_error(key)


def text(
    journal: Journal,
    review: Review,
    field: str,
    label: str,
    *,
    placeholder: str = "",
    height: int = 90,
    single_line: bool = False,
) -> None:
    key = w.seed(_key(review, field), getattr(review, field))
    widget = st.text_input if single_line else st.text_area
    extra = {} if single_line else {"height": height}
    widget(
        label,
        key=key,
        on_change=_save_review(journal, review, field, label=label),
        placeholder=placeholder,
        **extra,
    )
    w.show_error(key)


# --- 1. Overall performance ---------------------------------------------------
def overall(ctx: PageContext, review: Review) -> None:
    st.header(_("1. Overall performance"))
    prompts(review, "overall")
    choice(
        ctx.journal,
        review,
        "overall_rating",
        _("Overall, how satisfied are you with this interview?"),
        vocabulary.OVERALL_RATINGS,
        help=_("The rating sets how deep the review goes."),
        dependent=("depth",),
    )
    if review.overall_rating:
        plan = review.depth_plan
        with st.container(border=True):
            st.markdown(
                _("**{depth}** · about {minutes} minutes").format(
                    depth=plan.label, minutes=plan.minutes
                )
                + f"  \n{plan.reason}"
            )
            choice(
                ctx.journal,
                review,
                "depth",
                _("Review depth"),
                {
                    k: _("{depth} ({minutes} min)").format(depth=v, minutes=m)
                    for (k, v), m in zip(reviews.DEPTHS.items(), (45, 15), strict=True)
                },
                help=_(
                    "Deep: every prompt, and what went wrong on every weak answer. "
                    "Refine: keep your strong answers and say them more concisely."
                ),
            )
    st.subheader(_("How you came across"))
    choice(
        ctx.journal,
        review,
        "self_state",
        _("How confidently did you show your experience and abilities?"),
        vocabulary.SELF_STATES,
    )
    choice(
        ctx.journal,
        review,
        "nerves",
        _("Were you nervous?"),
        vocabulary.NERVES,
        help=_(
            "Nervous at the start puts a warm-up routine in your plan; nervous throughout, "
            "a mock interview."
        ),
    )
    text(
        ctx.journal,
        review,
        "self_state_notes",
        _("Where did you hold back, or shine?"),
        placeholder=_("e.g. Confident on the technical part, rushed the salary question"),
    )
    st.subheader(_("How the interviewer reacted"))
    choice(
        ctx.journal,
        review,
        "interviewer_reaction",
        _("The interviewer's reaction overall"),
        vocabulary.INTERVIEWER_REACTIONS,
        help=_("Impatient or questioning looks and words are worth noting: when did they happen?"),
    )
    text(
        ctx.journal,
        review,
        "reaction_notes",
        _("At which moments?"),
        placeholder=_("e.g. Checked the clock while I described the migration project"),
    )


# --- 3. Relationship ----------------------------------------------------------
_HARMONY = {
    1: N_("1 · Strained"),
    2: N_("2 · Stiff"),
    3: N_("3 · Polite"),
    4: N_("4 · Friendly"),
    5: N_("5 · Harmonious"),
}


def harmony_levels() -> dict[int, str]:
    """The five levels of harmony, in the language in use."""
    return {level: _(label) for level, label in _HARMONY.items()}


def relationship(ctx: PageContext, review: Review) -> None:
    st.header(_("3. The interview relationship"))
    prompts(review, "relationship")
    choice(
        ctx.journal,
        review,
        "harmony",
        _("Was the conversation harmonious and two-way?"),
        harmony_levels(),
    )
    choice(ctx.journal, review, "pace", _("Was the pace right?"), vocabulary.PACES)
    text(
        ctx.journal,
        review,
        "passionate_topics",
        _("Which topics were you passionate about?"),
        placeholder=_("The moments you lit up: they show what to lead with next time."),
    )
    text(
        ctx.journal,
        review,
        "advice",
        _("Did the interviewer give you advice?"),
        placeholder=_("e.g. Learn dbt; show more business impact in your examples"),
    )
    # Each line below a field is drawn before the field is filled too: a line that
    # appeared with the field's save moved "Next" under a press held meanwhile (the press
    # that took the focus from the field), and the release chose nothing
    # (tests/browser/test_held_press_e2e.py).
    _into_plan(
        _("In your plan as a follow-up action.")
        if review.advice
        else _("Advice goes into your plan as a follow-up action.")
    )
    text(
        ctx.journal,
        review,
        "referral",
        _("Were you referred to another department or role? Which one?"),
        placeholder=_("e.g. Finance business partner, Retail unit"),
        single_line=True,
    )
    _into_plan(
        _("In your plan as a follow-up: thank the interviewer and ask to be put in touch.")
        if review.referral
        else _("A referral goes into your plan: thank the interviewer and ask to be put in touch.")
    )


def _into_plan(line: str) -> None:
    """The line under a field that says what it puts into the improvement plan."""
    st.caption(":material/subdirectory_arrow_right: " + line)


# --- 4. Strengths -------------------------------------------------------------


def strengths(ctx: PageContext, review: Review) -> None:
    st.header(_("4. Strengths told or missed"))
    prompts(review, "strengths")
    choice(
        ctx.journal,
        review,
        "led_by_interviewer",
        _("Were you led entirely by the interviewer?"),
        {True: _("Yes, I only answered"), False: _("No, I steered too")},
    )
    st.subheader(_("Your stories"))
    st.caption(
        _(
            "Mark each prepared story that was relevant: told fully, told partly, or missed. "
            "Leave the others blank."
        )
    )
    bank = stories.list_stories(ctx.cur)
    uses = stories.story_uses(ctx.cur, review.interview_id)
    misses = stories.story_misses(ctx.cur, review.interview_id)
    asks = reviews.list_asks(ctx.cur, review.interview_id)
    if not bank:
        st.info(
            _(
                "Your story bank is empty. Add the success stories you prepare for interviews: "
                "situation, task, what you did, the result."
            ),
            icon=":material/auto_stories:",
        )
    for story in bank:
        story_row(ctx, review, story, uses.get(story.id), misses.get(story.id), asks)
    with st.expander(_("Add a story"), icon=":material/add:", expanded=not bank):
        saved = story_form(ctx, None)
        if saved is not None:
            w.notice(_("Story added to your bank."))
            st.rerun()


def story_row(
    ctx: PageContext,
    review: Review,
    story: stories.Story,
    use: str | None,
    miss: stories.StoryMiss | None,
    asks: list[reviews.Ask],
) -> None:
    with st.container(border=True):
        if st.session_state.get(EDITING_STORY) == story.id:
            saved = story_form(ctx, story)
            if st.button(_("Cancel"), key=f"review_story_cancel_{story.id}"):
                st.session_state[EDITING_STORY] = None
                st.rerun()
            if saved is not None:
                st.rerun()  # story_form closed the form and said so
            return
        info, edit = st.columns([9, 1], vertical_alignment="center")
        skills = " ".join(f":blue-badge[{md(s)}]" for s in story.skills)
        info.markdown(f"**{md(story.title)}** {skills}")
        told = ngettext("told in {n} interview", "told in {n} interviews", story.times_told).format(
            n=story.times_told
        )
        if story.missing_parts:
            parts = pgettext("list separator", ", ").join(
                vocabulary.STORY_PARTS[p].lower() for p in story.missing_parts
            )
            told += " · :orange[" + _("missing {parts}").format(parts=parts) + "]"
        info.caption(told)
        key = f"review_{review.interview_id}_story_{story.id}"
        if key not in st.session_state:
            st.session_state[key] = use
        save = w.saver(  # runs uninterrupted, as every saver does
            key,
            lambda value: stories.set_story_use(
                ctx.journal, review.interview_id, story.id, value, w.now()
            ),
        )

        # Its own line: beside the title, "Told fully" or "Missed" was cut off on a laptop.
        st.segmented_control(
            # Hidden, but Streamlit still renders a label as Markdown and reads it out
            # raw as the control's aria-label: no user text here (the title is beside it).
            _("Use of this story"),
            list(vocabulary.STORY_USES),
            format_func=vocabulary.STORY_USES.get,
            key=key,
            on_change=save,
            label_visibility="collapsed",
        )
        if edit.button(
            ":material/edit:", key=f"review_story_edit_{story.id}", help=_("Edit story")
        ):
            st.session_state[EDITING_STORY] = story.id
            st.rerun()
        with st.expander(_("Situation, task, action, result")):
            for part, label in vocabulary.STORY_PARTS.items():
                value = getattr(story, part)
                shown = md(value) if value else ":gray[" + _("not written yet") + "]"
                st.markdown(_("**{label}:** {value}").format(label=label, value=shown))
        if use == "missed":
            missed_story(ctx, review, story, miss or stories.StoryMiss(), asks)
            _into_plan(_("Bridging action in your plan: “{line}”").format(line=_(BRIDGING_LINE)))
        w.show_error(key)


def missed_story(
    ctx: PageContext,
    review: Review,
    story: stories.Story,
    miss: stories.StoryMiss,
    asks: list[reviews.Ask],
) -> None:
    """Why the story was missed, and the question where it could have been told."""
    prefix = f"review_{review.interview_id}_story_{story.id}"

    def saver(field: str, label: str, display):
        key = f"{prefix}_{field}"
        return w.checked_saver(
            key,
            lambda value, read: getattr(
                stories.save_story_miss(
                    ctx.journal, review.interview_id, story.id, w.now(),
                    read={field: read}, **{field: value},
                ),
                field,
            ),
            what=_("{field}, for the story “{story}”").format(field=label, story=story.title),
            display=display,
        )  # fmt: skip

    reason_key = w.seed(f"{prefix}_missed_reason", miss.missed_reason)
    st.pills(
        _("Why was it missed?"),
        list(vocabulary.MISSED_REASONS),
        format_func=vocabulary.MISSED_REASONS.get,
        key=reason_key,
        on_change=saver(
            "missed_reason", _("Why it was missed"),
            lambda _field, v: vocabulary.MISSED_REASONS.get(v, "") if v else "",
        ),
    )  # fmt: skip
    w.show_error(reason_key)
    numbers = {
        ask.id: _("Q{number}. {question}").format(number=n, question=ask.question)
        for n, ask in enumerate(asks, start=1)
    }
    where_key = w.seed(
        f"{prefix}_bridge_ask_id", miss.bridge_ask_id if miss.bridge_ask_id in numbers else None
    )
    st.selectbox(
        _("Where could you have told it?"),
        list(numbers),
        index=None,
        format_func=numbers.get,
        placeholder=_("Choose the question") if numbers else _("Record the questions first"),
        key=where_key,
        on_change=saver(
            "bridge_ask_id", _("Where it could have been told"),
            lambda _field, v: numbers.get(v, "") if v else "",
        ),
        help=_("The question after which you could have bridged to this story."),
    )  # fmt: skip
    w.show_error(where_key)


# --- 5. Improvement plan ------------------------------------------------------


def plan(ctx: PageContext, review: Review) -> None:
    st.header(_("5. Improvement plan"))
    st.caption(
        _(
            "What you will do better next time, for each aspect. Suggestions come from what "
            "you recorded; edit them, check them off, or add your own. Open actions are shown "
            "again before your next interview."
        )
    )
    _reword(ctx, review)
    planned = action_store.list_actions(ctx.cur, review.interview_id)
    if not planned:
        st.info(
            _(
                "No actions yet. Record the questions and the relationship, and suggestions "
                "appear here; or add your own below."
            ),
            icon=":material/checklist:",
        )
    for aspect, label in vocabulary.ASPECTS.items():
        in_aspect = [a for a in planned if a.aspect == aspect]
        if not in_aspect:
            continue
        st.subheader(label)
        for action in in_aspect:
            action_row(ctx, action)
    add_own_action(ctx, review)
    earlier, total = action_store.open_actions_elsewhere(ctx.cur, review.interview_id)
    if earlier:
        st.subheader(_("Open actions from earlier reviews ({n})").format(n=wording.number(total)))
        st.caption(_("Check off what you have done since."))
        for action in earlier:
            action_row(ctx, action, show_interview=True)
        if total > len(earlier):
            st.caption(
                _("Showing the {shown} newest of {total}.").format(
                    shown=wording.number(len(earlier)), total=wording.number(total)
                )
            )


def _reword(ctx: PageContext, review: Review) -> None:
    """Suggestions offered in the other language, before the candidate switched, read in
    this one (those they edited are theirs and stay as written)."""
    w.run(
        "review_reword",
        lambda: action_store.reword_suggestions(ctx.journal, ctx.cur, review.interview_id, ctx.now),
    )
    w.show_error("review_reword")


def action_row(ctx: PageContext, action: action_store.Action, *, show_interview: bool = False):
    key = f"review_action_done_{action.id}"
    if key not in st.session_state:
        st.session_state[key] = action.done
    with st.container(border=True):
        if st.session_state.get(EDITING_ACTION) == action.id:
            action_form(ctx, action)
            return
        box, text, buttons = st.columns([1, 14, 2], vertical_alignment="center")
        box.checkbox(
            _("Done"),
            key=key,
            on_change=w.saver(
                key, lambda done: action_store.set_done(ctx.journal, action.id, done, w.now())
            ),
            label_visibility="collapsed",
        )
        shown = md(action.text)
        text.markdown(f"~~{shown}~~" if action.done else shown)
        source = "" if action.source == "own" else action.source_label
        where = ""
        if show_interview:
            where = (
                _("From {interview}").format(interview=md(action.interview_title))
                if action.interview_title
                else _("Not tied to an interview")
            )
        caption = " · ".join(p for p in (where, action.aspect_label if show_interview else "",
                                         source) if p)  # fmt: skip
        if caption:
            text.caption(caption)
        edit, delete = buttons.columns(2)
        if not show_interview:
            edit.button(
                ":material/edit:",
                key=f"review_action_edit_{action.id}",
                help=_("Edit this action"),
                on_click=lambda: st.session_state.update({EDITING_ACTION: action.id}),
            )
            delete.button(
                ":material/delete:",
                key=f"review_action_delete_{action.id}",
                help=_("Delete this action"),
                on_click=lambda: w.run(key, lambda: action_store.delete_action(ctx.journal,
                                                                               action.id)),
            )  # fmt: skip
        w.show_error(key)


def add_own_action(ctx: PageContext, review: Review) -> None:
    generation = st.session_state.setdefault("review_own_action_generation", 0)
    with st.form(f"review_own_action_{generation}", border=True):
        st.markdown(_("**Add your own action**"))
        text_col, aspect_col = st.columns([3, 1])
        new_text = text_col.text_input(
            _("Action"),
            placeholder=_("e.g. Prepare three questions to ask the interviewer"),
            key=f"review_own_action_{generation}_text",
        )
        aspect = aspect_col.selectbox(
            _("Aspect"),
            list(vocabulary.ASPECTS),
            format_func=vocabulary.ASPECTS.get,
            key=f"review_own_action_{generation}_aspect",
        )
        added = st.form_submit_button(_("Add action"), icon=":material/add_task:")
    if added and w.run(
        "review_own_action",
        lambda: action_store.add_action(
            ctx.journal, review.interview_id, aspect, new_text, w.now()
        ),
    ):
        st.session_state["review_own_action_generation"] = generation + 1
        w.notice(_("Action added to your plan."))
        st.rerun()
    w.show_error("review_own_action")


# --- Summary ------------------------------------------------------------------
def summary(ctx: PageContext, review: Review) -> None:
    st.header(_("Summary"))
    _reword(ctx, review)
    whole = report.load_report(ctx.cur, review.interview_id)
    counts = whole.summary
    open_actions = sum(not a.done for a in whole.actions)
    cols = st.columns(5)
    cols[0].metric(_("Questions"), counts.asks)
    cols[1].metric(
        _("To rehearse"),
        counts.weak,
        help=_("Weak answers. Doubted ones (scored good, yet probed) are counted apart.")
        if not counts.doubted
        else _(
            "Weak answers; besides them, {n} doubted (scored good, yet probed for details): "
            "prepare evidence for those."
        ).format(n=counts.doubted),
    )
    cols[2].metric(_("Rehearsal cards"), counts.cards)
    cols[3].metric(_("Answers kept"), counts.kept)
    cols[4].metric(_("Open actions"), open_actions)
    markdown = report.to_markdown(whole, ctx.now)
    if whole.interview.scheduled_at <= ctx.now:
        scorecard(ctx, predictions.scorecard(ctx.cur, review.interview_id))
    done_col, download_col = st.columns(2)
    with done_col:
        if review.completed:
            st.success(
                _("Review completed {when}. You can still edit any step.").format(
                    when=when(review.completed_at, ctx.now)
                ),
                icon=":material/task_alt:",
            )
            if counts.cards:
                links.rehearse_these(review.interview_id)
            st.button(
                _("Reopen as a draft"),
                key="review_reopen",
                on_click=lambda: reviews.reopen_review(ctx.journal, review.interview_id, w.now()),
            )
        elif st.button(
            _("Complete the review"),
            type="primary",
            icon=":material/task_alt:",
            key="review_complete",
            use_container_width=True,
        ) and w.run(
            "review_complete",
            lambda: reviews.complete_review(ctx.journal, review.interview_id, w.now()),
        ):
            w.notice(_("Review completed. Well done: the weak answers are now rehearsal cards."))
            st.rerun()
        w.show_error("review_complete")
    download_col.download_button(
        _("Download as Markdown"),
        markdown,
        file_name=report.file_name(whole.interview),
        mime="text/markdown",
        icon=":material/download:",
        use_container_width=True,
        key="review_download",
    )
    with st.container(border=True):
        st.markdown(report.to_markdown(whole, ctx.now, top=3))


def scorecard(ctx: PageContext, card: predictions.Scorecard) -> None:
    """How well the brief kept before the interview predicted its questions."""
    with st.container(border=True):
        st.markdown("#### :material/online_prediction: " + _("How well the brief predicted it"))
        st.markdown(card.text(ctx.now))
        if not card.kept or not card.asked:
            return
        hits, surprises, unasked = st.columns(3)
        none = _("None.")
        _scored(hits, _("Predicted and asked ({n})").format(n=len(card.hits)), card.hits, none)
        _scored(surprises, _("Surprises ({n})").format(n=len(card.surprises)), card.surprises, none)
        _scored(
            unasked,
            _("Predicted, not asked ({n})").format(n=len(card.unasked)),
            card.unasked,
            none,
        )


def _scored(column, title: str, questions, empty: str) -> None:
    with column:
        st.markdown(f"**{title}**")
        if not questions:
            st.caption(empty)
            return
        st.markdown(
            "\n".join(
                f"- {md(q.text)}"
                + (" :orange-badge[" + _("weak: now a card") + "]" if q.weak and q.card else "")
                for q in questions
            )
        )
