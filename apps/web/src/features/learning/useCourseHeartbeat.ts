import type { BeatOutcome, CourseBeatResponse, CourseKind } from '@ningxin/shared';
import { COURSE_BEAT_SECONDS } from '@ningxin/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { coursesApi } from './learning.api';

const DEVICE_KEY = 'nx.learn.device';
const SEQ_KEY = 'nx.learn.seq';

/** This browser's device id for heartbeats, made once and kept. */
function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    id = `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/** The device's next beat number: it only grows, across reloads too (a beat sent twice counts once). */
function nextSeq(): number {
  const n = Number(localStorage.getItem(SEQ_KEY) ?? '0') + 1;
  localStorage.setItem(SEQ_KEY, String(n));
  return n;
}

export interface VideoHandlers {
  onTimeUpdate: (e: { currentTarget: HTMLVideoElement }) => void;
  onSeeked: (e: { currentTarget: HTMLVideoElement }) => void;
  onRateChange: (e: { currentTarget: HTMLVideoElement }) => void;
  onPause: () => void;
  onEnded: () => void;
}

/**
 * The player's heartbeats: one when the page opens, every 30 s, when the page is hidden or shown
 * again, and when a video pauses or ends. Each tells what happened since the previous one — the
 * page stayed visible or not, the media actually played (timeupdate steps, not seeks) and the
 * fastest rate — and the server decides what counts.
 */
export function useCourseHeartbeat(
  courseId: number,
  kind: CourseKind,
  enabled: boolean,
  onResult: (r: CourseBeatResponse) => void,
) {
  const played = useRef(0);
  const maxRate = useRef(1);
  const currentRate = useRef(1);
  const lastTime = useRef(0);
  const position = useRef(0);
  const page = useRef<number | undefined>(kind === 'document' ? 1 : undefined);
  const wasHidden = useRef(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const resultRef = useRef(onResult);
  resultRef.current = onResult;
  const [outcome, setOutcome] = useState<BeatOutcome | null>(null);

  const send = useCallback(
    (visibleOverride?: boolean) => {
      const body = {
        deviceId: deviceId(),
        seq: nextSeq(),
        visible: visibleOverride ?? (!wasHidden.current && document.visibilityState === 'visible'),
        position: Math.floor(position.current),
        ...(page.current ? { page: page.current } : {}),
        ...(kind === 'video' ? { rate: maxRate.current, played: Math.round(played.current * 10) / 10 } : {}),
      };
      played.current = 0;
      maxRate.current = currentRate.current;
      // Beats go one after another, in their order.
      queue.current = queue.current
        .then(() => coursesApi.beat(courseId, body))
        .then((r) => {
          setOutcome(r.outcome);
          resultRef.current(r);
        })
        .catch(() => undefined);
      return queue.current;
    },
    [courseId, kind],
  );

  useEffect(() => {
    if (!enabled) return;
    void send();
    const timer = window.setInterval(() => void send(), COURSE_BEAT_SECONDS * 1000);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        // The time until now was visible; from now on it is not.
        void send(!wasHidden.current);
        wasHidden.current = true;
      } else {
        void send(false);
        wasHidden.current = false;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      void send();
    };
  }, [enabled, send]);

  const video: VideoHandlers = {
    onTimeUpdate: (e) => {
      const v = e.currentTarget;
      const step = v.currentTime - lastTime.current;
      // A step of normal playback (timeupdate fires a few times a second); a jump is a seek.
      if (step > 0 && step < 1.5 * Math.max(1, v.playbackRate)) played.current += step;
      lastTime.current = v.currentTime;
      position.current = v.currentTime;
      currentRate.current = v.playbackRate;
      maxRate.current = Math.max(maxRate.current, v.playbackRate);
    },
    onSeeked: (e) => {
      lastTime.current = e.currentTarget.currentTime;
      position.current = e.currentTarget.currentTime;
    },
    onRateChange: (e) => {
      currentRate.current = e.currentTarget.playbackRate;
      maxRate.current = Math.max(maxRate.current, e.currentTarget.playbackRate);
    },
    onPause: () => {
      void send();
    },
    onEnded: () => {
      void send();
    },
  };

  /** A document's page now shown: the time so far is reported, and the page with it. */
  const showPage = (n: number) => {
    page.current = n;
    position.current = n;
    void send();
  };

  return { outcome, video, showPage };
}
