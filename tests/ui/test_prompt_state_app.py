"""In the app the prompt state follows a change a frame later (after the screen shows it), so a
tick's key-to-durable-write time does not pay for every goal's summary; it still follows every
change, and a quit right after a change still writes it."""

from __future__ import annotations

from tui import prompt
from tui.services import checkins, prompt_state
from tui.services import goals as goal_service

SIZE = (100, 32)


def line(rb) -> str:
    return prompt.line(str(rb.store.folder), "{left}", now=rb.now())


async def test_a_tick_in_the_app_reaches_the_prompt_a_frame_later(make_app, rb, monkeypatch):
    goal_service.add_goal(rb, "Apply")
    goal_service.add_goal(rb, "Walk")
    assert line(rb) == "2"
    events: list[str] = []
    real_tick, real_refresh = checkins.toggle_tick, prompt_state.refresh

    def tick(*args, **kwargs):
        done = real_tick(*args, **kwargs)
        events.append(f"tick saved, prompt says {line(rb)!r}")
        return done

    def refresh(*args, **kwargs):
        events.append("prompt state")
        real_refresh(*args, **kwargs)

    monkeypatch.setattr(checkins, "toggle_tick", tick)
    monkeypatch.setattr(prompt_state, "refresh", refresh)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")  # Today: tick the highlighted goal
        await pilot.pause()
        # the tick returned before the derived file was written; meanwhile the prompt saw the
        # data moved and said nothing rather than a stale line
        assert events == ["tick saved, prompt says ''", "prompt state"]
        assert not rb.derived_pending and line(rb) == "1"
        await pilot.press("down", "space")
        await pilot.press("q")  # quit at once: the prompt state is still written
    assert not rb.derived_pending and line(rb) == "0"
    assert rb.later is None  # services used after the app are back to writing at once
