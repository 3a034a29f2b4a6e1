"""Interviews in and out of calendars (.ics), with `icalendar`.

- `events`: an .ics file (a calendar export, or an invitation's attachment) as events,
  their times aware and in UTC, whatever zone the invitation was written in;
- `guesses`: what an event says about the interview: the company (from the title, or
  the organiser's e-mail domain), the role, the round, the format;
- `importing`: the events offered to the candidate, each marked new, already in the
  journal or moved since, and the picked ones added as interviews;
- `exporting`: upcoming interviews and the rehearsal plan (the days the cram view
  suggests before each target interview) as one .ics file.

Times are stored aware, in UTC, and shown in the candidate's zone; a whole-day event is
a calendar day, which stays the same day across a daylight-saving change.
"""
