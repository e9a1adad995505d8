import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/**
 * A disabled control says why: the reason shows on hover and focus (and is read out), nothing
 * when the control is enabled. `reason` null or empty means enabled.
 */
export function WhyDisabled(props: {
  reason: ReactNode | null | false | undefined;
  children: ReactNode;
  /** The control fills its column (a full-width select). */
  block?: boolean;
}) {
  if (!props.reason) return <>{props.children}</>;
  return (
    <Tooltip title={props.reason}>
      <span
        className="why-disabled"
        data-testid="why-disabled"
        style={{ display: props.block ? 'block' : 'inline-block' }}
      >
        {props.children}
      </span>
    </Tooltip>
  );
}
